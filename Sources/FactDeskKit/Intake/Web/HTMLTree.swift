import CLibXML2
import Foundation

/// A page's HTML as libxml2's HTML parser reads it (with recovery, as browsers do: an
/// unclosed `<p>` ends at the next block), copied into plain Swift values so that the
/// reading of the article is ordinary code.
indirect enum HTMLNode: Sendable {
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    case text(String)

    /// Parses UTF-8 HTML; nil when libxml2 finds no document at all.
    static func parse(_ html: String, url: String) -> HTMLNode? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue)
        var bytes = Array(html.utf8)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), url, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return node(root, depth: 0)
    }

    /// Nodes deeper than this are dropped: a hostile page nests thousands of `<div>`s.
    private static let maximumDepth = 400

    private static func node(_ pointer: xmlNodePtr, depth: Int) -> HTMLNode? {
        let node = pointer.pointee
        switch node.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return node.content.map { .text(String(cString: $0)) }
        case XML_ELEMENT_NODE:
            guard depth < maximumDepth else { return nil }
            let name = node.name.map { String(cString: $0).lowercased() } ?? ""
            var attributes: [String: String] = [:]
            var attribute = node.properties
            while let current = attribute {
                if let key = current.pointee.name {
                    var value = ""
                    var child = current.pointee.children
                    while let text = child {
                        if let content = text.pointee.content { value += String(cString: content) }
                        child = text.pointee.next
                    }
                    attributes[String(cString: key).lowercased()] = value
                }
                attribute = current.pointee.next
            }
            var children: [HTMLNode] = []
            var child = node.children
            while let current = child {
                if let converted = Self.node(current, depth: depth + 1) { children.append(converted) }
                child = current.pointee.next
            }
            return .element(name: name, attributes: attributes, children: children)
        default:
            return nil
        }
    }

    var name: String? { if case .element(let name, _, _) = self { name } else { nil } }
    var attributes: [String: String] { if case .element(_, let attributes, _) = self { attributes } else { [:] } }
    var children: [HTMLNode] { if case .element(_, _, let children) = self { children } else { [] } }

    /// Every element below this one, depth first, in document order.
    func elements(where match: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        func walk(_ node: HTMLNode) {
            for child in node.children where child.name != nil {
                if match(child) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    /// All the text below this node, as it reads.
    var text: String {
        switch self {
        case .text(let text): text
        case .element(let name, _, let children):
            ["script", "style", "noscript", "template"].contains(name) ? "" : children.map(\.text).joined()
        }
    }
}
