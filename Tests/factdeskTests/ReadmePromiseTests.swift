import Foundation
import Testing

/// Promises the README makes about every command, held against the built binary: colour
/// only on a terminal and never with `NO_COLOR`, `backup` while others write, and the
/// `--json` keys its table documents.
@Suite struct ReadmePromiseTests {
    // MARK: - The README's console blocks

    @Test func everyCommandTheREADMEShowsPrintsWhatItShows() throws {
        let (status, output) = try python(".ci/readme.py", ["--bin", Binary.url.deletingLastPathComponent().path])
        #expect(status == 0, "\(output.suffix(4_000))")
        let summary = try #require(output.firstMatch(of: /readme: (\d+) of (\d+) commands print what the README shows/))
        #expect(summary.1 == summary.2, "\(output.suffix(4_000))")
        #expect((Int(summary.2) ?? 0) >= 60, "the README's console blocks were not all found")
    }

    // MARK: - Colour

    /// Runs the binary with its output on a pseudo-terminal (through Python's `pty`), or on
    /// a pipe, with or without `NO_COLOR`; returns what it printed.
    func output(of arguments: [String], in binary: Binary, terminal: Bool, noColor: String?) throws -> String {
        let relay = """
        import os, pty, subprocess, sys
        master, slave = pty.openpty()
        p = subprocess.Popen(sys.argv[1:], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        p.wait()
        sys.stdout.buffer.write(out)
        """
        let run = try runProcess("/usr/bin/env", (terminal ? ["python3", "-c", relay] : []) + [Binary.url.path] + arguments,
                                 in: binary.folder,
                                 environment: ["FACTDESK_USER": binary.user, "FACTDESK_KEYS": binary.keysPath, "NO_COLOR": noColor])
        #expect(run.status == 0, "\(arguments): \(run.stdout) \(run.stderr)")
        return run.stdout + run.stderr
    }

    @Test func colourOnATerminalNeverWithNoColorNorOnAPipe() throws {
        let binary = try Binary.seededDesk()
        let escape = "\u{1B}["
        for command in [["claim", "show", "1"], ["claim", "list"]] {
            let coloured = try output(of: command, in: binary, terminal: true, noColor: nil)
            #expect(coloured.contains(escape + "1m"), "\(command) on a terminal is not in colour: \(coloured)")
            #expect(coloured.contains("مسؤول كبير"), "\(command) printed: \(coloured)")
            let plain = try output(of: command, in: binary, terminal: true, noColor: "1")
            #expect(!plain.contains(escape), "\(command) with NO_COLOR=1 is in colour: \(plain)")
            #expect(plain.contains("مسؤول كبير"))
            let piped = try output(of: command, in: binary, terminal: false, noColor: nil)
            #expect(!piped.contains(escape), "\(command) into a pipe is in colour: \(piped)")
            #expect(piped.contains("مسؤول كبير"))
        }
        // NO_COLOR set to nothing counts as unset (https://no-color.org).
        #expect(try output(of: ["claim", "show", "1"], in: binary, terminal: true, noColor: "").contains(escape))
    }

    // MARK: - Backup while others write

    @Test func backupsTakenWhileAnotherProcessWritesAreWholeMoments() throws {
        let binary = try Binary.seededDesk()
        let writes = 40
        nonisolated(unsafe) var acknowledged: [String] = []
        let writer = Thread {
            for n in 0..<writes {
                let body = "during-backup-\(n)"
                if (try? binary.run(["note", "1", body]))?.status == 0 { acknowledged.append(body) }
            }
        }
        writer.start()
        var copies: [String] = []
        for n in 0..<4 {
            let copy = binary.folder.appendingPathComponent("copy-\(n).db").path
            let result = try binary.run(["backup", copy])
            #expect(result.status == 0, "\(result.stderr)")
            copies.append(copy)
            Thread.sleep(forTimeInterval: 0.05)
        }
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        #expect(acknowledged.count == writes)
        for copy in copies {
            let audit = try binary.run(["audit", "verify", "--db", copy])
            #expect(audit.status == 0, "\(copy): \(audit.stdout) \(audit.stderr)")
            // A moment of the desk: the first k notes acknowledged, none missing between.
            let show = try binary.run(["claim", "show", "1", "--json", "--db", copy])
            let claim = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
            let notes = (claim?["notes"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
            #expect(notes == Array(acknowledged.prefix(notes.count)), "\(copy) holds \(notes)")
        }
    }

    // MARK: - Documented JSON keys

    /// A row of the README's `--json` table: the commands it is about, the keys it names,
    /// and for each key named inside another's parentheses, that key.
    struct DocumentedRow {
        var commands: [String]
        var keys: [String: String?] = [:]
    }

    static func documentedRows() throws -> [DocumentedRow] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| command | `--json` prints |") }) else { return [] }
        var rows: [DocumentedRow] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("| ") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let commands = cells[0].matches(of: /`([^`]+)`/).map { match in
                String(match.1).split(separator: " ").filter { $0.first?.isLowercase == true }.joined(separator: " ")
            }
            var row = DocumentedRow(commands: commands)
            // Backticked names, each with the key whose parentheses hold it.
            var depth = 0, last: String?, parents: [String?] = [nil]
            var index = cells[1].startIndex
            let text = cells[1]
            while index < text.endIndex {
                let character = text[index]
                if character == "(" {
                    depth += 1
                    parents.append(last)
                } else if character == ")" {
                    depth = max(0, depth - 1)
                    if parents.count > 1 { parents.removeLast() }
                } else if character == "`", let close = text[text.index(after: index)...].firstIndex(of: "`") {
                    let token = String(text[text.index(after: index)..<close])
                    let names = token.wholeMatch(of: /[a-z_][a-z0-9_]*/) != nil ? [token]
                        : token.matches(of: /"([a-z_][a-z0-9_]*)"/).map { String($0.1) }
                    for name in names {
                        row.keys[name] = parents.last ?? nil
                        last = name
                    }
                    index = close
                }
                index = text.index(after: index)
            }
            rows.append(row)
        }
        return rows
    }

    /// Every key of a JSON value, with the values it holds; event details (free-form) and
    /// maps of counts (state to number) are not descended into.
    static func keys(of value: Any, into found: inout [String: [Any]]) {
        if let array = value as? [Any] {
            for element in array { keys(of: element, into: &found) }
        } else if let object = value as? [String: Any] {
            for (key, inner) in object {
                found[key, default: []].append(inner)
                if key == "details" { continue }
                if let map = inner as? [String: Any], map.values.allSatisfy({ $0 is NSNumber }) { continue }
                keys(of: inner, into: &found)
            }
        }
    }

    @Test func everyJSONCommandPrintsTheKeysTheREADMEDocumentsAndNoOthers() throws {
        let rows = try Self.documentedRows()
        #expect(rows.count >= 15, "the README's --json table was not found or has changed shape")
        let binary = try Binary(backend: .file)
        try binary.expectSuccess(["init"])
        try binary.expectSuccess(["reviewer", "add", "layla"])
        try binary.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        try binary.expectSuccess(["assign", "5", "--to", "layla"])
        try binary.expectSuccess(["verify", "5", "--note", "checked", "--evidence", "https://example.org/e"], as: "layla")
        try binary.expectSuccess(["note", "5", "a note"])
        try binary.expectSuccess(["alias", "add", "عراقجي", "عراقتشي"])
        let reviews = binary.folder.appendingPathComponent("reviews.json").path
        try binary.expectSuccess(["export", "claimreview", "--org", "Desk", "--base-url", "https://desk.example.org",
                                  "--out", reviews])
        try binary.expectSuccess(["token", "create", "--name", "first"])
        let speaker = try #require((try binary.json(["speaker", "list"]) as? [[String: Any]])?.first?["name"] as? String)
        let workflow = packageRoot.appendingPathComponent("Workflows/standard.yaml").path

        let runs: [String: [[String]]] = [
            "claim list": [["claim", "list", "--limit", "0"]], "claim search": [["claim", "search", "روما"]],
            "claim show": [["claim", "show", "5"]], "history": [["history"], ["history", "5"]],
            "source list": [["source", "list"]], "source show": [["source", "show", "1"]],
            "reviewer list": [["reviewer", "list"]], "related": [["related", "5"]],
            "speaker list": [["speaker", "list"]], "speaker show": [["speaker", "show", speaker]],
            "import claimreview": [["import", "claimreview", reviews]], "clusters": [["clusters"]],
            "alias list": [["alias", "list"]], "alias suggest": [["alias", "suggest"]],
            "export json": [["export", "json"]], "stats": [["stats"]],
            "audit verify": [["audit", "verify"]], "audit head": [["audit", "head"]],
            "workflow show": [["workflow", "show"]], "workflow check": [["workflow", "check", workflow]],
            "token list": [["token", "list"]], "token create": [["token", "create", "--name", "second"]],
        ]
        let everyDocumentedKey = Set(rows.flatMap(\.keys.keys))
        for row in rows {
            var found: [String: [Any]] = [:]
            for command in row.commands {
                let arguments = try #require(runs[command], "no run for `\(command)`, which the README documents")
                for run in arguments {
                    Self.keys(of: try binary.json(run), into: &found)
                }
            }
            for key in found.keys.sorted() {
                #expect(everyDocumentedKey.contains(key), "\(row.commands) print `\(key)`, which the README does not document")
            }
            for (key, parent) in row.keys where found[key] == nil {
                // A key inside another's parentheses shows only when that one holds something.
                let parentEmpty = parent.map { parent in
                    (found[parent] ?? []).allSatisfy { ($0 as? [Any])?.isEmpty ?? ($0 is NSNull) }
                } ?? false
                #expect(parentEmpty, "\(row.commands) do not print `\(key)`, which the README documents")
            }
        }
    }
}
