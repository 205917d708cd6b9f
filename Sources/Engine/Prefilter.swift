import Glibc
import Rules

/// Finds where rule keywords occur in a buffer, so PCRE2 runs only there.
///
/// Each keyword's second and third bytes form a fingerprint (`k-` of `bk-live_`, `nb` of `snb_`,
/// `--` of a PEM header): pairs that are rare in source code and binaries, rarer than the
/// first two bytes. The buffer is compared 64 bytes at a time against all fingerprints with SIMD
/// (two loads, two compares and two logical operations per fingerprint and 16 bytes); only the
/// positions where a fingerprint matches are compared with whole keywords.
struct Prefilter {
    /// One keyword and the rules that start matching at it.
    struct Keyword {
        let bytes: [UInt8]
        let ruleIndices: [Int]
    }

    let keywords: [Keyword]
    /// The longest keyword, in bytes.
    let longestKeyword: Int
    private let fingerprints: [(SIMD16<UInt8>, SIMD16<UInt8>)]
    /// The keywords' bytes back to back, and where each keyword's bytes are in them.
    private let keywordBytes: [UInt8]
    private let keywordRanges: [Range<Int>]
    /// Keyword indices sorted by first byte; those starting with byte `b` are
    /// `keywordsByFirstByte[firstByteStarts[b]..<firstByteStarts[b + 1]]`. Flat arrays, read
    /// through pointers in the scan loop, so no candidate costs a reference-count update on
    /// storage every worker shares.
    private let keywordsByFirstByte: [Int]
    private let firstByteStarts: [Int]
    /// Bit `b` is set when some keyword starts with byte `b`: a quick reject for candidates.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)

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

        var fingerprints: [(SIMD16<UInt8>, SIMD16<UInt8>)] = []
        var seen: Set<[UInt8]> = []
        for keyword in keywords {
            let pair = Array(keyword.bytes[1...2])
            if seen.insert(pair).inserted {
                fingerprints.append((SIMD16(repeating: pair[0]), SIMD16(repeating: pair[1])))
            }
        }
        self.keywords = keywords
        self.longestKeyword = keywords.map(\.bytes.count).max() ?? 0
        self.fingerprints = fingerprints
        keywordBytes = keywords.flatMap(\.bytes)
        var ranges: [Range<Int>] = []
        for keyword in keywords {
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<start + keyword.bytes.count)
        }
        keywordRanges = ranges
        keywordsByFirstByte = keywords.indices.sorted {
            keywords[$0].bytes[0] < keywords[$1].bytes[0]
        }
        var starts = [Int](repeating: 0, count: 257)
        for keyword in keywords { starts[Int(keyword.bytes[0]) + 1] += 1 }
        for byte in 0..<256 { starts[byte + 1] += starts[byte] }
        firstByteStarts = starts
        var firstBytes: [UInt64] = [0, 0, 0, 0]
        for keyword in keywords {
            firstBytes[Int(keyword.bytes[0] >> 6)] |= 1 << UInt64(keyword.bytes[0] & 63)
        }
        self.firstBytes = (firstBytes[0], firstBytes[1], firstBytes[2], firstBytes[3])
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
        withTables { tables in
            fingerprints.withUnsafeBufferPointer { fingerprints in
                while position <= blockEnd {
                    let block = hits(base + position, fingerprints)
                    if Self.isAnySet((block.0 | block.1) | (block.2 | block.3)) {
                        var bits = Self.bitmask(block.0) | Self.bitmask(block.1) << 16
                        bits |= Self.bitmask(block.2) << 32 | Self.bitmask(block.3) << 48
                        while bits != 0 {
                            let lane = bits.trailingZeroBitCount
                            check(base, count: buffer.count, at: position + lane, tables, body)
                            bits &= bits - 1
                        }
                    }
                    position += Self.blockBytes
                }
            }
            while position < starts.upperBound {
                check(base, count: buffer.count, at: position, tables, body)
                position += 1
            }
        }
    }

    /// The flat keyword tables, as pointers valid inside `body`.
    private struct Tables {
        let bytes: UnsafeBufferPointer<UInt8>
        let ranges: UnsafeBufferPointer<Range<Int>>
        let byFirstByte: UnsafeBufferPointer<Int>
        let firstByteStarts: UnsafeBufferPointer<Int>
    }

    private func withTables(_ body: (Tables) -> Void) {
        keywordBytes.withUnsafeBufferPointer { bytes in
            keywordRanges.withUnsafeBufferPointer { ranges in
                keywordsByFirstByte.withUnsafeBufferPointer { byFirstByte in
                    firstByteStarts.withUnsafeBufferPointer { starts in
                        body(
                            Tables(
                                bytes: bytes, ranges: ranges, byFirstByte: byFirstByte,
                                firstByteStarts: starts))
                    }
                }
            }
        }
    }

    /// Bytes compared per loop iteration: four 16-byte vectors.
    private static let blockBytes = 64

    /// 0xFF in each lane of the 64 keyword starts at `pointer` whose fingerprint bytes match,
    /// as four vectors of 16 lanes.
    @inline(__always)
    private func hits(
        _ pointer: UnsafeRawPointer,
        _ fingerprints: UnsafeBufferPointer<(SIMD16<UInt8>, SIMD16<UInt8>)>
    ) -> (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>) {
        func load(_ offset: Int) -> SIMD16<UInt8> {
            (pointer + offset).loadUnaligned(as: SIMD16<UInt8>.self)
        }
        let (second0, third0) = (load(1), load(2))
        let (second1, third1) = (load(17), load(18))
        let (second2, third2) = (load(33), load(34))
        let (second3, third3) = (load(49), load(50))
        var lanes = (
            SIMD16<UInt8>(repeating: 0), SIMD16<UInt8>(repeating: 0), SIMD16<UInt8>(repeating: 0),
            SIMD16<UInt8>(repeating: 0)
        )
        for (b, c) in fingerprints {
            lanes.0 |= Self.equal(second0, b) & Self.equal(third0, c)
            lanes.1 |= Self.equal(second1, b) & Self.equal(third1, c)
            lanes.2 |= Self.equal(second2, b) & Self.equal(third2, c)
            lanes.3 |= Self.equal(second3, b) & Self.equal(third3, c)
        }
        return lanes
    }

    /// 0xFF where the lanes of `left` and `right` are equal, 0 elsewhere.
    @inline(__always)
    private static func equal(_ left: SIMD16<UInt8>, _ right: SIMD16<UInt8>) -> SIMD16<UInt8> {
        unsafeBitCast(left .== right, to: SIMD16<UInt8>.self)
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
        _ base: UnsafeRawPointer, count: Int, at position: Int, _ tables: Tables,
        _ body: (Int, Int) -> Void
    ) {
        let first = base.load(fromByteOffset: position, as: UInt8.self)
        let word =
            switch first >> 6 {
            case 0: firstBytes.0
            case 1: firstBytes.1
            case 2: firstBytes.2
            default: firstBytes.3
            }
        guard word & (1 << UInt64(first & 63)) != 0 else { return }
        for slot in tables.firstByteStarts[Int(first)]..<tables.firstByteStarts[Int(first) + 1] {
            let index = tables.byFirstByte[slot]
            let range = tables.ranges[index]
            guard position + range.count <= count else { continue }
            if memcmp(base + position, tables.bytes.baseAddress! + range.lowerBound, range.count)
                == 0
            {
                body(position, index)
            }
        }
    }
}
