import Foundation
import Testing

/// Every command of the parser's own tree (`--experimental-dump-help`, so a new command or
/// option is covered without editing this file), run with hostile values in each of its
/// options and arguments. Each run ends with an exit code of the README's table, never a
/// signal; a refusal is one line on stderr and leaves the desk's history where it was.
@Suite struct CommandFuzzTests {
    /// A command of the tree with nothing below it, and the values it takes.
    struct Leaf: Sendable, CustomStringConvertible {
        struct Slot: Sendable {
            /// The option's long name, or nil for a positional argument.
            var option: String?
            var valueName: String
            var optional: Bool
        }
        var path: [String]
        var slots: [Slot]
        var description: String { path.joined(separator: " ") }
    }

    /// Options every command has, tried once on their own below rather than on every command.
    static let globalOptions: Set<String> = ["db", "as", "connect-timeout", "busy-timeout"]
    /// `serve` runs until stopped; `help` only prints.
    static let skipped: Set<String> = ["serve", "help"]

    static let leaves: [Leaf] = {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["--experimental-dump-help"]
        let out = Pipe()
        process.standardOutput = out
        guard (try? process.run()) != nil else { return [] }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let command = root["command"] as? [String: Any] else { return [] }
        var found: [Leaf] = []
        func walk(_ node: [String: Any], _ path: [String]) {
            if let subcommands = node["subcommands"] as? [[String: Any]], !subcommands.isEmpty {
                for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? "?"]) }
                return
            }
            guard let first = path.first, !skipped.contains(first) else { return }
            let slots = (node["arguments"] as? [[String: Any]] ?? []).compactMap { argument -> Leaf.Slot? in
                let kind = argument["kind"] as? String
                let name = ((argument["names"] as? [[String: Any]])?.first { $0["kind"] as? String == "long" })?["name"] as? String
                let valueName = argument["valueName"] as? String ?? ""
                let optional = argument["isOptional"] as? Bool ?? true
                switch kind {
                case "positional": return Leaf.Slot(option: nil, valueName: valueName, optional: optional)
                case "option" where !globalOptions.contains(name ?? ""): return Leaf.Slot(option: name, valueName: valueName, optional: optional)
                default: return nil
                }
            }
            found.append(Leaf(path: path, slots: slots))
        }
        walk(command, [])
        return found
    }()

    static let hostile: [String] = [
        "-1", "0", "99999999999999999999", "9223372036854775807", "99999", "", "   ",
        "\u{202E}txt.exe", "../fuzz-escape.out", "'; DROP TABLE claim; --", String(repeating: "ب", count: 50_000),
    ]

    /// A value each kind of slot accepts, for the slots not under test.
    static func plausible(_ valueName: String) -> String {
        switch valueName {
        case "handle": "layla"
        case "text", "query": "عراقجي"
        case "url": "https://example.org/a"
        case "file", "dest", "file.html": "fuzz-out.txt"
        case "role": "reviewer"
        case "transition": "skip"
        case "name", "variants", "variant": "Araghchi"
        case "stance": "context"
        case "state": "new"
        case "ed25519:...": "ed25519:AAAA"
        case "seq:hash": "1:ab"
        default: "1"
        }
    }

    static let codes: Set<Int32> = [0, 64, 65, 66, 67, 68, 69, 70, 74, 75, 77]

    @Test func theTreeIsReadFromTheParser() {
        #expect(Self.leaves.count >= 50)
        #expect(Self.leaves.contains { $0.path == ["claim", "list"] && $0.slots.contains { $0.option == "limit" } })
    }

    @Test(arguments: leaves)
    func hostileValuesAreRefusedCleanly(_ leaf: Leaf) throws {
        let desk = try Binary.seededDesk()
        var head = try desk.run(["audit", "head"]).stdout
        for (index, slot) in leaf.slots.enumerated() {
            for value in Self.hostile {
                var arguments = leaf.path
                for (other, filler) in leaf.slots.enumerated() where other == index || !filler.optional {
                    let given = other == index ? value : Self.plausible(filler.valueName)
                    if let option = filler.option { arguments.append("--\(option)=\(given)") } else { arguments.append(given) }
                }
                let result = try desk.run(arguments)
                let shown = "\(leaf) \(slot.option.map { "--" + $0 } ?? slot.valueName)=\(value.prefix(30)): \(result.status) \(result.stderr.prefix(300))"
                #expect(Self.codes.contains(result.status), "\(shown)")
                guard result.status != 0 else {
                    head = try desk.run(["audit", "head"]).stdout
                    continue
                }
                #expect(result.stderr.split(separator: "\n").count == 1, "\(shown)")
                #expect(try desk.run(["audit", "head"]).stdout == head, "a refused command changed the history: \(shown)")
            }
        }
    }

    @Test(arguments: ["db", "as", "connect-timeout", "busy-timeout"])
    func hostileGlobalOptionsAreRefusedCleanly(_ option: String) throws {
        let desk = try Binary.seededDesk()
        for value in Self.hostile {
            let result = try desk.run(["note", "1", "x", "--\(option)=\(value)"])
            #expect(Self.codes.contains(result.status), "--\(option)=\(value.prefix(30)): \(result.status)")
            if result.status != 0 {
                #expect(result.stderr.split(separator: "\n").count == 1, "--\(option)=\(value.prefix(30)): \(result.stderr)")
            }
        }
    }
}
