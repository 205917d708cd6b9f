extension InputPath {
    /// A path as git stores it: bytes from the top folder of the repository, not necessarily
    /// UTF-8. Reports show it as is (escaped where it must be), config patterns match it, and an
    /// archive member below it shows as `path!member`.
    public init(gitPath: [UInt8]) {
        self = InputPath(root: ".").appending(gitPath)
    }
}
