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
}

extension Trait where Self == ConditionTrait {
    /// Runs only where a PostgreSQL server is given, or required.
    static var needsPostgres: Self {
        .enabled(if: TestEnvironment.postgres,
                 "no PostgreSQL server: set FACTDESK_TEST_POSTGRES, or run the tests with `bash .ci/run`, which starts one")
    }
}
