/// Where a YAML text first uses an anchor (`&name`) or an alias (`*name`), if it does.
///
/// A workflow never needs them, and an alias lets a few hundred bytes stand for a hundred
/// million nodes (the "billion laughs"), which the YAML library walks in full when such a
/// node is a mapping's key, hashing it to look for duplicates. So the loader refuses them
/// before the library reads the text.
///
/// The scan knows just enough YAML to tell an indicator from text: quoted strings (over
/// several lines too), comments, block scalars (`|`, `>`) and flow collections; `&` and `*`
/// are indicators only where a node starts: at the start of a line, after `- `, `? `, `: `,
/// a tag, or `[`, `{` and `,` inside a flow collection. `R&D`, `a * b`, `"*"`, `# *` and
/// the lines of a block scalar are text.
enum YAMLAliases {
    /// The line (from 1) and the indicator of the first anchor or alias.
    static func firstUse(in yaml: String) -> (line: Int, indicator: Character)? {
        var quote: UInt8?
        var flowDepth = 0
        var blockIndent: Int?
        for (number, text) in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Array(text)
            let indent = line.prefix { $0 == space }.count
            if let opened = blockIndent {
                if line.allSatisfy({ $0 == space || $0 == tab || $0 == carriageReturn }) || indent > opened { continue }
                blockIndent = nil
            }
            var nodeStart = quote == nil
            var index = 0
            while index < line.count {
                let byte = line[index]
                let next = index + 1 < line.count ? line[index + 1] : nil
                let spaceAfter = next == nil || next == space || next == tab || next == carriageReturn
                defer { index += 1 }
                if let open = quote {
                    if open == doubleQuote && byte == backslash {
                        index += 1
                    } else if byte == open {
                        // '' inside single quotes is a quotation mark, not the end.
                        if open == singleQuote && next == singleQuote { index += 1 } else { quote = nil }
                    }
                    continue
                }
                if byte == space || byte == tab || byte == carriageReturn {
                    continue
                } else if byte == hash && (index == 0 || line[index - 1] == space || line[index - 1] == tab) {
                    index = line.count
                } else if (byte == ampersand || byte == asterisk) && nodeStart {
                    return (number + 1, Character(Unicode.Scalar(byte)))
                } else if (byte == doubleQuote || byte == singleQuote) && nodeStart {
                    quote = byte
                    nodeStart = false
                } else if (byte == pipe || byte == greater) && nodeStart && flowDepth == 0 {
                    blockIndent = indent
                    index = line.count
                } else if (byte == openBracket || byte == openBrace) && (nodeStart || flowDepth > 0) {
                    flowDepth += 1
                    nodeStart = true
                } else if (byte == closeBracket || byte == closeBrace) && flowDepth > 0 {
                    flowDepth -= 1
                    nodeStart = false
                } else if byte == comma && flowDepth > 0 || byte == colon && (spaceAfter || flowDepth > 0) {
                    nodeStart = true
                } else if (byte == dash || byte == question) && nodeStart && spaceAfter {
                    nodeStart = true
                } else if byte == exclamation && nodeStart {
                    // A tag (!!str, !local) stands before the node: skip to its end.
                    while index + 1 < line.count, line[index + 1] != space, line[index + 1] != tab { index += 1 }
                } else {
                    nodeStart = false
                }
            }
        }
        return nil
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), carriageReturn = UInt8(ascii: "\r")
    private static let hash = UInt8(ascii: "#"), ampersand = UInt8(ascii: "&"), asterisk = UInt8(ascii: "*")
    private static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    private static let pipe = UInt8(ascii: "|"), greater = UInt8(ascii: ">"), exclamation = UInt8(ascii: "!")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-"), question = UInt8(ascii: "?")
}
