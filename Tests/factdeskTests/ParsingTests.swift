import Testing
@testable import factdesk

@Suite struct ParsingTests {
    @Test func placeholder() {}
}
