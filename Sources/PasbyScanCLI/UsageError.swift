/// A mistake in how pasbyscan was called or configured; reported with the usage line, exit 64.
struct UsageError: Error, Equatable {
    let message: String
    /// Print the command's usage line after the message.
    var showsUsage = true

    init(_ message: String, showsUsage: Bool = true) {
        self.message = message
        self.showsUsage = showsUsage
    }
}
