import Foundation
import Testing

extension Tag {
    /// Needs a PostgreSQL server: the cluster `FACTDESK_TEST_POSTGRES` names.
    @Tag static var postgres: Self
}

/// What the tests' surroundings provide, and what a run requires of them.
///
/// A test that needs a PostgreSQL server runs where `FACTDESK_TEST_POSTGRES` names one, and
/// is left out elsewhere, so that `swift test` passes on a fresh machine. A run that lists
/// `postgres` in `FACTDESK_TEST_REQUIRE` (as `.ci/run` does) runs it whatever is there, and
/// it fails when the server is missing.
enum TestEnvironment {
    static let required: Set<String> = Set(
        (ProcessInfo.processInfo.environment["FACTDESK_TEST_REQUIRE"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })

    /// Whether the PostgreSQL tests run.
    static var postgres: Bool { required.contains("postgres") || TestPostgres.ownerURL != nil }

    /// Whether the tests that send mail to a real SMTP server run: where `python3` has
    /// aiosmtpd and `openssl` makes their certificates, or where `receivers` is required.
    static let receivers: Bool = required.contains("receivers") || (succeeds("python3", "-c", "import aiosmtpd") && succeeds("openssl", "version"))

    /// Whether a command found on `PATH` runs and exits with status 0.
    static func succeeds(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs only where a PostgreSQL server is given, or required.
    static var needsPostgres: Self {
        .enabled(if: TestEnvironment.postgres,
                 "no PostgreSQL server: set FACTDESK_TEST_POSTGRES, or run the tests with `bash .ci/run`, which starts one")
    }

    /// Runs only where python3 has aiosmtpd and openssl is installed, or receivers are required.
    static var needsReceivers: Self {
        .enabled(if: TestEnvironment.receivers,
                 "no SMTP receiver: install aiosmtpd for python3 (`python3 -m pip install aiosmtpd`) and openssl, or run `bash .ci/run`")
    }
}
