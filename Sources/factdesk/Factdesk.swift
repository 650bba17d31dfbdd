import ArgumentParser
@main struct Factdesk: ParsableCommand { func run() {} }
