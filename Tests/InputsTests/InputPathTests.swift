import Testing

@testable import Inputs

@Suite struct InputPathTests {
    @Test(arguments: [
        (".", "."), ("./", "."), (".//", "."), ("./a", "a"), (".//demo", "demo"),
        ("demo/./", "demo"), ("demo//x/", "demo/x"), ("/", "/"), ("/tmp//a/.", "/tmp/a"),
    ])
    func rootsAreNormalizedForDisplay(_ root: String, _ shown: String) {
        #expect(InputPath(root: root).display == shown)
    }

    @Test func childPathsJoinTheRootAndKeepTheRelativePart() {
        let child = InputPath(root: "./demo/").appending(Array("app".utf8))
            .appending(Array(".env".utf8))
        #expect(child.display == "demo/app/.env")
        #expect(child.relative == "app/.env")
        #expect(Array(child.bytes) == Array("./demo/app/.env".utf8))

        let underDot = InputPath(root: ".").appending(Array("a".utf8))
        #expect(underDot.display == "a")
        #expect(underDot.displayBytes == Array("a".utf8))
    }

    @Test func invalidUTF8AndControlCharactersAreEscaped() {
        let name: [UInt8] = Array("x".utf8) + [0xFF, 0x0A, 0x1B] + Array("é".utf8) + [0xC3]
        #expect(InputPath.escaped(name) == #"x\xFF\x0A\x1Bé\xC3"#)
        let path = InputPath(root: "r").appending(name)
        #expect(path.displayBytes == Array("r/".utf8) + name)
    }

    @Test(arguments: [
        ("Tests/Fixtures/**", "Tests/Fixtures/a/b.json", true),
        ("Tests/Fixtures/**", "Tests/Other/b.json", false),
        ("*.pem", "deep/folder/key.pem", true),
        ("src/*.env", "src/a/b.env", false),
        ("src/**/*.env", "src/a/b.env", true),
        ("src/**/*.env", "src/b.env", true),
        ("conf?g.json", "config.json", true),
        ("docs/*.md", "docs/bundle.zip!notes.md", false),
        ("docs/**", "docs/bundle.zip!notes.md", true),
        ("*.pem", "keys/service.zip!key.pem", true),
    ])
    func globsMatchLikeGitignore(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(PathGlob(pattern).matches(path) == matches)
    }
}
