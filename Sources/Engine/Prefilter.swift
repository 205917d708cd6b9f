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
        precondition(keywords.allSatisfy { $0.bytes.count >= 3 }, "RuleLoader admits no shorter")

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
        let blockEnd = min(starts.upperBound, buffer.count - 2) - Self.blockBytes
        fingerprints.withUnsafeBufferPointer { fingerprints in
            while position <= blockEnd {
                let hits0 = hits(base + position, fingerprints)
                let hits1 = hits(base + position + 16, fingerprints)
                let hits2 = hits(base + position + 32, fingerprints)
                let hits3 = hits(base + position + 48, fingerprints)
                if Self.isAnySet((hits0 | hits1) | (hits2 | hits3)) {
                    var bits = Self.bitmask(hits0) | Self.bitmask(hits1) << 16
                    bits |= Self.bitmask(hits2) << 32 | Self.bitmask(hits3) << 48
                    while bits != 0 {
                        let lane = bits.trailingZeroBitCount
                        check(base, count: buffer.count, at: position + lane, body)
                        bits &= bits - 1
                    }
                }
                position += Self.blockBytes
            }
        }
        while position < starts.upperBound {
            check(base, count: buffer.count, at: position, body)
            position += 1
        }
    }

    /// Bytes compared per loop iteration: four 16-byte vectors.
    private static let blockBytes = 64

    /// Lanes (0xFF) of the 16 positions at `pointer` where some fingerprint starts.
    @inline(__always)
    private func hits(
        _ pointer: UnsafeRawPointer,
        _ fingerprints: UnsafeBufferPointer<(SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)>
    ) -> SIMD16<UInt8> {
        let first = pointer.loadUnaligned(as: SIMD16<UInt8>.self)
        let second = (pointer + 1).loadUnaligned(as: SIMD16<UInt8>.self)
        let third = (pointer + 2).loadUnaligned(as: SIMD16<UInt8>.self)
        var mask = SIMDMask<SIMD16<Int8>>(repeating: false)
        for (a, b, c) in fingerprints {
            mask .|= (first .== a) .& (second .== b) .& (third .== c)
        }
        return SIMD16<UInt8>(
            truncatingIfNeeded: SIMD16<Int8>(repeating: 0).replacing(with: -1, where: mask))
    }

    /// One bit per lane (lane 0 lowest) of a vector whose lanes are 0 or 0xFF.
    @inline(__always)
    private static func bitmask(_ lanes: SIMD16<UInt8>) -> UInt64 {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let low = ((words[0] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
        return low | high << 8
    }

    @inline(__always)
    private static func isAnySet(_ lanes: SIMD16<UInt8>) -> Bool {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return (words[0] | words[1]) != 0
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
