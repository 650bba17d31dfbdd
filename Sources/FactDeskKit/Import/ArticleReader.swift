import Foundation

/// Reads article files for import: expands folders, reads standard input for `-`, and
/// refuses what is not text: invalid UTF-8, binary files, empty and oversized files.
public struct ArticleReader: Sendable {
    public static let defaultMaximumSize = 10 * 1024 * 1024

    public var maximumSize: Int

    public init(maximumSize: Int = ArticleReader.defaultMaximumSize) {
        self.maximumSize = maximumSize
    }

    /// The files to import: each path as given, each folder as its visible regular files in name order.
    public func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { !$0.hasPrefix(".") }
                    .sorted()
                files += names.map { (path as NSString).appendingPathComponent($0) }
                    .filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// The text of one article, or an error that names the file and what is wrong.
    public func read(_ path: String) throws(DeskError) -> String {
        try text(of: try bytes(path), named: path)
    }

    /// The bytes of a file, or of standard input for `-`, refused when over the maximum size
    /// before more than that is read.
    public func bytes(_ path: String) throws(DeskError) -> Data {
        if path == "-" {
            guard let data = StandardInput.read(limit: maximumSize) else {
                throw .tooLarge(name: path, size: nil, limit: maximumSize)
            }
            return data
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .invalidValue("\(path): no such file; check the path")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumSize else {
            throw .tooLarge(name: path, size: size, limit: maximumSize)
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw .invalidValue("\(path) cannot be read; check its permissions")
        }
        return contents
    }

    /// The text of an article received as bytes (an upload, a paste), with the same checks
    /// as a file: size, emptiness, UTF-8 and NUL.
    public func text(of data: Data, named path: String) throws(DeskError) -> String {
        guard data.count <= maximumSize else {
            throw .tooLarge(name: path, size: nil, limit: maximumSize)
        }
        guard !data.isEmpty else { throw .invalidValue("\(path) is empty; nothing to import") }
        switch UTF8Text.decode(data) {
        case .success(let text):
            guard !text.allSatisfy(\.isWhitespace) else { throw .invalidValue("\(path) holds only white space") }
            return text
        case .failure(let failure):
            throw .invalidValue("\(path) is not UTF-8 text: \(failure); convert it to UTF-8 first")
        }
    }
}
