import Glibc
import Rules

/// Finds where rule keywords occur in a buffer, so PCRE2 runs only there.
///
/// Every keyword's first three bytes form a fingerprint. The buffer is compared 16 bytes at a
/// time against all fingerprints with SIMD; only positions where a fingerprint matches are
/// compared with the whole keyword. The pasby prefixes and PEM headers are rare in ordinary
/// text, so almost every block is passed over after a handful of vector compares.
struct Prefilter {
    /// One keyword and the rules that start matching at it.
    struct Keyword {
        let bytes: [UInt8]
        let ruleIndices: [Int]
    }

    let keywords: [Keyword]
    /// The longest keyword, in bytes.
    let longestKeyword: Int
    private let fingerprints: [(SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)]
    /// Keyword indices by their first byte.
    private let byFirstByte: [[Int]]

    /// Builds the prefilter for `rules`; keywords must be at least three bytes long.
    init(rules: RuleSet) {
        var ruleIndicesByKeyword: [[UInt8]: [Int]] = [:]
        for (index, rule) in rules.rules.enumerated() {
            for keyword in rule.keywords {
                ruleIndicesByKeyword[Array(keyword.utf8), default: []].append(index)
            }
        }
        let keywords =
            ruleIndicesByKeyword
            .map { Keyword(bytes: $0.key, ruleIndices: $0.value) }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        precondition(keywords.allSatisfy { $0.bytes.count >= 3 }, "keyword shorter than 3 bytes")

        var fingerprints: [(SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)] = []
        var seen: Set<[UInt8]> = []
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, keyword) in keywords.enumerated() {
            byFirstByte[Int(keyword.bytes[0])].append(index)
            let head = Array(keyword.bytes.prefix(3))
            if seen.insert(head).inserted {
                fingerprints.append(
                    (
                        SIMD16(repeating: head[0]), SIMD16(repeating: head[1]),
                        SIMD16(repeating: head[2])
                    ))
            }
        }
        self.keywords = keywords
        self.longestKeyword = keywords.map(\.bytes.count).max() ?? 0
        self.fingerprints = fingerprints
        self.byFirstByte = byFirstByte
    }

    /// Calls `body(start, keywordIndex)` for every keyword occurrence starting in `starts`,
    /// in increasing order of start. Keywords may extend past `starts` up to `buffer.count`.
    func forEachCandidate(
        in buffer: UnsafeRawBufferPointer,
        starts: Range<Int>,
        _ body: (Int, Int) -> Void
    ) {
        guard let base = buffer.baseAddress, !starts.isEmpty else { return }
        var position = starts.lowerBound
        let vectorEnd = min(starts.upperBound, buffer.count - 18)
        while position < vectorEnd {
            let first = base.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self)
            let second = base.loadUnaligned(fromByteOffset: position + 1, as: SIMD16<UInt8>.self)
            let third = base.loadUnaligned(fromByteOffset: position + 2, as: SIMD16<UInt8>.self)
            var hits = SIMDMask<SIMD16<Int8>>(repeating: false)
            for (a, b, c) in fingerprints {
                hits .|= (first .== a) .& (second .== b) .& (third .== c)
            }
            if any(hits) {
                for lane in 0..<16 where hits[lane] {
                    check(base, count: buffer.count, at: position + lane, body)
                }
            }
            position += 16
        }
        while position < starts.upperBound {
            check(base, count: buffer.count, at: position, body)
            position += 1
        }
    }

    @inline(__always)
    private func check(
        _ base: UnsafeRawPointer, count: Int, at position: Int, _ body: (Int, Int) -> Void
    ) {
        for index in byFirstByte[Int(base.load(fromByteOffset: position, as: UInt8.self))] {
            let keyword = keywords[index].bytes
            guard position + keyword.count <= count else { continue }
            let matches = keyword.withUnsafeBytes { wanted in
                memcmp(base + position, wanted.baseAddress!, keyword.count) == 0
            }
            if matches { body(position, index) }
        }
    }
}
