import ArgumentParser
import DeskGenerator
import FactDeskKit
import Foundation

/// Builds the large desks that `Benchmarks/run.py` measures.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factdesk-bench",
        abstract: "Generate a large, realistic FactDesk desk for benchmarks.",
        subcommands: [Generate.self, Extract.self, ExtractPage.self])
}

extension Bench {
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a desk of about N claims from the sample articles' vocabulary; print what was made as JSON.")

        @Option(help: "The desk file to create; it must not exist.")
        var db: String

        @Option(help: "How many claims to import.")
        var claims: Int

        @Option(help: "The seed: the same seed gives the same desk.")
        var seed: UInt64 = 1

        @Option(help: "The folder of sample articles whose words the articles use.")
        var seeds = "seeds"

        @Option(help: "Articles stored per transaction.")
        var batch = 200

        func validate() throws {
            guard claims > 0 else { throw ValidationError("--claims must be at least 1") }
            guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
        }

        func run() async throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: seeds).sorted()
            let samples = try names.map { try String(contentsOfFile: seeds + "/" + $0, encoding: .utf8) }
            var options = DeskGenerator.Options(claims: claims)
            options.seed = seed
            options.articlesPerBatch = batch
            var generator = DeskGenerator(options: options, samples: samples)
            let report = try await generator.generate(at: db, signer: EventSigner(keys: .standard())) { message in
                FileHandle.standardError.write(Data("\r\(message)   ".utf8))
            }
            FileHandle.standardError.write(Data("\n".utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time claim extraction and index terms alone, on one core, without a desk; print claims per second.")

        @Option(help: "How many generated articles to extract from.")
        var articles = 500

        @Option(help: "The folder of sample articles whose words the articles use.")
        var seeds = "seeds"

        func run() throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: seeds).sorted()
            let samples = try names.map { try String(contentsOfFile: seeds + "/" + $0, encoding: .utf8) }
            let composer = ArticleComposer(samples: samples)
            var rng = SplitMix64(seed: 1)
            let bodies = (0..<articles).map { composer.article($0, &rng).body }
            var claims = 0
            let extraction = ContinuousClock().measure {
                for body in bodies { claims += ClaimExtractor.claims(in: body).count }
            }
            let texts = bodies.flatMap { ClaimExtractor.claims(in: $0).map(\.text) }
            var terms = 0
            let indexing = ContinuousClock().measure {
                for text in texts { terms += LightStemmer.terms(text).count }
            }
            func perSecond(_ duration: Duration) -> Int {
                Int(Double(claims) / duration.seconds)
            }
            print("\(claims) claims from \(articles) articles: extraction \(perSecond(extraction)) claims/s, "
                  + "stems \(perSecond(indexing)) claims/s (\(terms) terms)")
        }
    }
    struct ExtractPage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract-page",
            abstract: "Print the article text the web page reader finds in each HTML file (for Benchmarks/extraction.py).")

        @Argument(help: "The HTML files, read as fetched bytes with no Content-Type.")
        var files: [String]

        @Flag(help: "One JSON object a line: {file, text, title}, or {file, error}.")
        var json = false

        func run() throws {
            for file in files {
                let result = Self.read(file)
                if json {
                    print(try Self.line(file: file, result))
                } else {
                    switch result {
                    case .success(let article): print("== \(file)\n\(article.text)\n")
                    case .failure(let error): print("== \(file)\nerror: \(error)\n")
                    }
                }
            }
        }

        /// The article of one file, or why there is none (an unreadable file included).
        static func read(_ file: String) -> Result<WebArticle, any Error> {
            let name = URL(fileURLWithPath: file).lastPathComponent
            return Result {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                return try WebPageReader.article(from: bytes, contentType: nil, url: "https://page.example/" + name)
            }
        }

        /// One file's result as a line of JSON, keys sorted.
        static func line(file: String, _ result: Result<WebArticle, any Error>) throws -> String {
            var object: [String: String] = ["file": file]
            switch result {
            case .success(let article):
                object["text"] = article.text
                object["title"] = article.title
            case .failure(let error):
                object["error"] = "\(error)"
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }
}
