import Foundation
import Testing

extension Tag {
    /// Needs a PostgreSQL server: the cluster `FACTDESK_TEST_POSTGRES` names.
    @Tag static var postgres: Self
    /// Needs headless Chromium, its driver and Selenium (Debian's chromium, chromium-driver,
    /// python3-selenium).
    @Tag static var browser: Self
}

/// What the tests' surroundings provide, and what a run requires of them.
///
/// A test that needs a PostgreSQL server, a browser, or a binary built with the write trace
/// runs where these are present and is left out elsewhere, so that `swift test` passes on a
/// fresh machine. A run that lists them in `FACTDESK_TEST_REQUIRE` (`postgres`, `browser`,
/// `crash`, `receivers`) runs those tests whatever is there, and they fail when what they
/// need is missing.
enum TestEnvironment {
    static let required: Set<String> = Set(
        (ProcessInfo.processInfo.environment["FACTDESK_TEST_REQUIRE"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })

    /// Whether the PostgreSQL tests run.
    static var postgres: Bool { required.contains("postgres") || TestCluster.ownerURL != nil }

    /// Whether the browser tests run: Chromium and its driver are installed, or required.
    static var browser: Bool {
        required.contains("browser") || (installed("chromium") && installed("chromedriver"))
    }

    /// Whether the crash test runs: the binary was built with its write trace
    /// (`FACTDESK_WRITE_TRACE=1`), or the run requires it.
    static var crash: Bool { required.contains("crash") || writeTraceBuilt }

    /// Whether the tests that deliver to a local SMTP server and webhook receiver run: where
    /// `python3` has aiosmtpd and standardwebhooks, or where `receivers` is required.
    static let receivers: Bool = required.contains("receivers") || succeeds("python3", "-c", "import aiosmtpd, standardwebhooks")

    /// Whether this build (the tests and the binary, built together) has the write trace.
    static var writeTraceBuilt: Bool {
        #if FACTDESK_WRITE_TRACE
        true
        #else
        false
        #endif
    }

    /// Whether a program found on `PATH` runs with these arguments and exits with status 0.
    private static func succeeds(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    private static func installed(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs only where a PostgreSQL server is given, or required.
    static var needsPostgres: Self {
        .enabled(if: TestEnvironment.postgres,
                 "no PostgreSQL server: set FACTDESK_TEST_POSTGRES, or run the tests with `bash .ci/run`, which starts one")
    }

    /// Runs only where Chromium and its driver are installed, or required.
    static var needsBrowser: Self {
        .enabled(if: TestEnvironment.browser, "no chromium and chromedriver: install Debian's chromium and chromium-driver")
    }

    /// Runs only where python3 can run the SMTP and webhook receivers, or where they are required.
    static var needsReceivers: Self {
        .enabled(if: TestEnvironment.receivers,
                 "no receivers: install aiosmtpd and standardwebhooks for python3 (`python3 -m pip install aiosmtpd standardwebhooks`)")
    }

    /// Runs only where the binary was built with the write trace, or required.
    static var needsWriteTrace: Self {
        .enabled(if: TestEnvironment.crash,
                 "the binary has no write trace: build and test with FACTDESK_WRITE_TRACE=1, as `.ci/run` does")
    }
}

extension Backend {
    /// The kinds of desk a run tests: a file always, PostgreSQL where its tests run.
    static var tested: [Backend] { TestEnvironment.postgres ? allCases : [.file] }
}
