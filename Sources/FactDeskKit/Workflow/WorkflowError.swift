/// A problem in a workflow file, located by file and line.
public struct WorkflowError: FactDeskError, Equatable {
    /// The file the workflow came from, as the user named it.
    public var file: String
    /// The 1-based line of the problem, when it can be located.
    public var line: Int?
    /// What is wrong and what to do about it.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var kind: FailureKind { .invalidInput }

    public var description: String {
        if let line {
            return "\(file):\(line): \(message)"
        }
        return "\(file): \(message)"
    }
}
