import PCRE2Kit
import Testing

@Suite struct MatcherTests {
    @Test func findsFirstMatchAndCaptures() throws {
        let pattern = try CompiledPattern(#"key_(?<token>[0-9a-f]{4})"#)
        let matcher = Matcher(maximumCaptureCount: pattern.captureCount)
        let subject = Array("xx key_beef yy".utf8)

        let range = try matcher.firstMatch(of: pattern, in: subject.span, from: 0)

        #expect(range == 3..<11)
        let group = try #require(pattern.groupNumber(named: "token"))
        #expect(matcher.captureRange(group) == 7..<11)
        #expect(pattern.groupNumber(named: "missing") == nil)
    }

    @Test func anchoredMatchMustStartAtOffsetButSeesLookbehind() throws {
        let pattern = try CompiledPattern(#"(?<![a-z])key_\d+"#)
        let matcher = Matcher(maximumCaptureCount: pattern.captureCount)
        let subject = Array("akey_1 key_2".utf8)

        #expect(
            try matcher.firstMatch(of: pattern, in: subject.span, from: 1, anchored: true)
                == nil)
        #expect(
            try matcher.firstMatch(of: pattern, in: subject.span, from: 7, anchored: true)
                == 7..<12)
        #expect(try matcher.firstMatch(of: pattern, in: subject.span, from: 0) == 7..<12)
    }

    @Test func matchesRawBytesThatAreNotUTF8() throws {
        let pattern = try CompiledPattern(#"k_\d\d"#)
        let matcher = Matcher(maximumCaptureCount: 0)
        let subject: [UInt8] = [0xff, 0xfe, 0x00, 0x6b, 0x5f, 0x31, 0x32, 0xc3]

        #expect(try matcher.firstMatch(of: pattern, in: subject.span, from: 0) == 3..<7)
    }

    @Test func compileErrorCarriesMessageAndOffset() {
        #expect {
            _ = try CompiledPattern("abc(")
        } throws: { error in
            guard let error = error as? PCRE2Error else { return false }
            return error.offset == 4 && error.message.contains("missing closing parenthesis")
        }
    }

    @Test func runawayPatternStopsAtMatchLimit() throws {
        let pattern = try CompiledPattern(#"(a+)+$"#)
        let matcher = Matcher(
            maximumCaptureCount: pattern.captureCount,
            limits: .init(matchLimit: 10_000, depthLimit: 1_000))
        let subject = Array(String(repeating: "a", count: 40).utf8) + [0x21]

        #expect {
            _ = try matcher.firstMatch(of: pattern, in: subject.span, from: 0)
        } throws: { error in
            (error as? PCRE2Error)?.isResourceLimit == true
        }
    }
}
