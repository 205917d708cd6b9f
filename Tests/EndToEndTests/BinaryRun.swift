import Foundation

/// One run of the built `pasbyscan` binary: its exit status, stdout and stderr, kept apart.
struct BinaryRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The binary SwiftPM built beside the test bundle.
    static let executable: URL = {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(
            atPath: folder.appendingPathComponent("pasbyscan").path)
        {
            folder.deleteLastPathComponent()
            precondition(folder.path != "/", "pasbyscan binary not found beside the tests")
        }
        return folder.appendingPathComponent("pasbyscan")
    }()

    /// Runs `pasbyscan arguments...` in `directory`, feeding `input` on stdin; stdout goes to
    /// `stdoutPath` when given (such as `/dev/full`), else it is captured. `environment` is
    /// added to the test process's own.
    init(
        _ arguments: [String], in directory: String? = nil, input: String = "",
        stdoutPath: String? = nil, environment: [String: String] = [:]
    ) throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) {
                $1
            }
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        if let stdoutPath {
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
            try stdout.fileHandleForWriting.close()
        } else {
            process.standardOutput = stdout
        }
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        self.stdout = String(decoding: outData, as: UTF8.self)
        self.stderr = String(decoding: errData, as: UTF8.self)
    }
}
