import Glibc
import Inputs
import PCRE2Kit
import Rules
import ScanModel

/// One worker thread's scanner: its own read buffer and PCRE2 matcher, reused for every file.
///
/// A file is read in chunks into one buffer. Each chunk keeps the tail of the one before
/// (`overlap`, the longest a match can be, plus room for lookbehinds), so a secret that
/// straddles two reads is still seen whole, and memory stays bounded for any file size.
struct ScanWorker: FileVisitor {
    private let engine: ScanEngine
    let collector: ResultCollector
    private let matcher: Matcher
    private let buffer: UnsafeMutableRawBufferPointer
    private let chunkBytes: Int
    private var findings: [Finding] = []
    var summary = ScanSummary()
    /// Decompressed bytes the archive being opened may still produce.
    var archiveBytesLeft = 0
    /// Set while scanning text decoded from another encoding; findings record it.
    var transcoding: SecretEncoding?

    /// Bytes kept before the first unscanned byte, for lookbehinds.
    static let lookbehindBytes = 256
    /// Bytes at the start of a file inspected for a NUL to call it binary.
    static let binaryProbeBytes = 8192

    init(engine: ScanEngine, collector: ResultCollector, chunkBytes: Int) {
        self.engine = engine
        self.collector = collector
        self.chunkBytes = max(chunkBytes, 1 << 16)
        matcher = Matcher(maximumCaptureCount: engine.rules.maximumCaptureCount)
        buffer = .allocate(
            byteCount: self.chunkBytes + engine.overlap + Self.lookbehindBytes, alignment: 64)
    }

    mutating func visit(_ file: OpenFile) {
        visit(source: file)
    }

    /// Scans any byte source: a file, standard input, or bytes already in memory; then, when it
    /// is a zip archive and `archiveDepth` allows, each of its members.
    mutating func visit(source file: some ByteSource, archiveDepth: Int = 0) {
        var fileFindings: [Finding] = []
        var isZip = false
        var utf16: UTF16Text.ByteOrder?
        do {
            let scanned = try scan(file, into: &fileFindings)
            summary.filesScanned += 1
            summary.bytesScanned += scanned.bytes
            isZip = scanned.isZip
            utf16 = scanned.utf16
        } catch {
            summary.skipped[.unreadable, default: 0] += 1
            collector.onWarning(
                ScanWarning(path: file.path.display, message: "read failed: \(error) (skipped)"))
            fileFindings.removeAll()
        }
        if let utf16, transcoding == nil, scanDecoded(file, byteOrder: utf16, archiveDepth) {
            return
        }
        if isZip && scanMembers(of: file, archiveDepth: archiveDepth) {
            // The members were scanned one by one; the archive's raw bytes would only repeat
            // what stored members hold.
            return
        }
        EnvironmentInference.apply(
            to: &fileFindings, rules: engine.rules.rules, ruleIndexByID: engine.ruleIndexByID)
        guard !fileFindings.isEmpty else { return }
        if let mix = EnvironmentMixCheck.finding(in: fileFindings) { fileFindings.append(mix) }
        let relative = file.path.relative
        let display = file.path.display
        if engine.allowedPaths.contains(where: { $0.matches(relative) || $0.matches(display) }) {
            summary.allowedFindings += fileFindings.count
        } else {
            findings.append(contentsOf: fileFindings)
        }
    }

    mutating func skip(_ path: InputPath, reason: SkipKind, detail: String) {
        let skipReason = SkipReason(reason)
        summary.skipped[skipReason, default: 0] += 1
        if skipReason.makesScanIncomplete || engine.reportsEverySkip {
            collector.onWarning(ScanWarning(path: path.display, message: "\(detail) (skipped)"))
        }
    }

    /// Hands over the findings gathered so far and forgets them.
    mutating func takeFindings() -> [Finding] {
        defer { findings.removeAll() }
        return findings
    }

    mutating func finish() {
        collector.add(findings, summary)
        buffer.deallocate()
    }

    /// Reads and scans `file` chunk by chunk; returns the bytes read, whether it starts like a
    /// zip archive, and the byte order of a UTF-16 byte-order mark it starts with.
    private mutating func scan(_ file: some ByteSource, into fileFindings: inout [Finding])
        throws(SystemError) -> (bytes: Int, isZip: Bool, utf16: UTF16Text.ByteOrder?)
    {
        let capacity = buffer.count
        let view = UnsafeRawBufferPointer(buffer)
        var base = 0
        var filled = 0
        var scanFrom = 0
        var isFirstChunk = true
        var isBinary = false
        var isZip = false
        var utf16: UTF16Text.ByteOrder?
        var tracker = LineTracker(head: UnsafeRawBufferPointer(rebasing: view[0..<0]))
        var rulesOverLimit: Set<Int> = []
        while true {
            var isAtEnd = false
            while filled < capacity {
                let count = try file.read(into: buffer, at: filled, count: capacity - filled)
                filled += count
                if count == 0 || (file.size > 0 && base + filled == file.size) {
                    isAtEnd = true
                    break
                }
            }
            let contents = UnsafeRawBufferPointer(rebasing: view[0..<filled])
            if isFirstChunk {
                tracker = LineTracker(head: contents)
                isBinary =
                    memchr(contents.baseAddress!, 0, min(filled, Self.binaryProbeBytes)) != nil
                isZip = ZipArchive.looksLikeZip(contents)
                utf16 = UTF16Text.byteOrder(of: contents)
                isFirstChunk = false
            }
            let scanEnd = isAtEnd ? filled : filled - engine.overlap
            var context = ChunkContext(
                path: file.path, base: base, isBinary: isBinary, rulesOverLimit: rulesOverLimit)
            scanChunk(contents, starts: scanFrom..<scanEnd, context: &context, tracker: &tracker)
            fileFindings.append(contentsOf: context.findings)
            rulesOverLimit = context.rulesOverLimit
            if isAtEnd { return (base + filled, isZip, utf16) }

            let keep = min(filled, engine.overlap + Self.lookbehindBytes)
            tracker.advance(to: base + filled - keep, in: contents, base: base)
            buffer.baseAddress!.copyMemory(
                from: buffer.baseAddress! + (filled - keep), byteCount: keep)
            base += filled - keep
            scanFrom = keep - (filled - scanEnd)
            filled = keep
        }
    }

    /// Where a chunk sits and what it found.
    struct ChunkContext {
        /// The input; its display forms are built only when there is something to report.
        let path: InputPath
        /// The file offset of the chunk's first byte.
        let base: Int
        let isBinary: Bool
        /// Rules already reported as over their match limit in this file.
        var rulesOverLimit: Set<Int>
        var findings: [Finding] = []
    }

    private mutating func scanChunk(
        _ contents: UnsafeRawBufferPointer, starts: Range<Int>, context: inout ChunkContext,
        tracker: inout LineTracker
    ) {
        var matches: [(rule: Int, match: RuleMatch)] = []
        let engine = self.engine
        let matcher = self.matcher
        engine.keywordRules.withUnsafeBufferPointer { keywordRules in
            engine.keywordRuleRanges.withUnsafeBufferPointer { ranges in
                engine.prefilter.forEachCandidate(in: contents, starts: starts) { start, keyword in
                    for slot in keywordRules[ranges[keyword]] {
                        let ruleIndex = slot.index
                        // An unretained reference: the engine keeps every rule alive, and counting
                        // references to rules every worker shares would make the workers contend.
                        let match = slot.rule._withUnsafeGuaranteedRef { rule in
                            let end = min(contents.count, start + rule.maximumLength)
                            let subject = UnsafeBufferPointer(
                                start: contents.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                count: end)
                            return Result { () throws(PCRE2Error) in
                                try rule.match(in: subject.span, at: start, using: matcher)
                            }
                        }
                        switch match {
                        case .success(let found?):
                            matches.append((ruleIndex, found))
                        case .success(nil):
                            break
                        case .failure(let error):
                            noteMatchLimit(ruleIndex, error, at: start, context: &context)
                        }
                    }
                }
            }
        }
        for (ruleIndex, match) in matches {
            context.findings.append(
                makeFinding(
                    engine.rules.rules[ruleIndex], match, in: contents, context: context,
                    tracker: &tracker))
        }
    }

    private mutating func noteMatchLimit(
        _ ruleIndex: Int, _ error: PCRE2Error, at start: Int, context: inout ChunkContext
    ) {
        summary.matchLimitHits += 1
        guard context.rulesOverLimit.insert(ruleIndex).inserted else { return }
        let message =
            "rule \"\(engine.rules.rules[ruleIndex].id)\" gave up at byte \(context.base + start): "
            + "\(error); the scan is incomplete (further candidates of this rule in this file "
            + "are counted, not listed)"
        collector.onWarning(ScanWarning(path: context.path.display, message: message))
    }

    private func makeFinding(
        _ rule: Rule, _ match: RuleMatch, in contents: UnsafeRawBufferPointer,
        context: ChunkContext, tracker: inout LineTracker
    ) -> Finding {
        let start = match.range.lowerBound
        tracker.advance(to: context.base + start, in: contents, base: context.base)
        let (lines, endColumn) = LineTracker.measure(
            contents, from: start, to: match.range.upperBound, column: tracker.column)
        let secretBytes = UnsafeRawBufferPointer(rebasing: contents[match.secretRange])
        let location = Location(
            path: context.path.display, startLine: tracker.line, startColumn: tracker.column,
            endLine: tracker.line + lines, endColumn: endColumn,
            byteOffset: context.base + start, byteLength: match.range.count,
            pathBytes: context.path.displayBytes)
        return Finding(
            ruleID: rule.id, family: rule.family, environment: match.environment,
            severity: rule.severities[match.environment] ?? rule.defaultSeverity,
            location: location, secret: String(decoding: secretBytes, as: UTF8.self),
            encoding: transcoding ?? SecretEncoding.detect(secretBytes),
            isInBinaryFile: context.isBinary)
    }
}

extension SecretEncoding {
    /// How a matched secret is written: JSON-escaped if it holds a literal `\n`, single-line
    /// if a PEM key has no line break at all, plain otherwise.
    static func detect(_ bytes: UnsafeRawBufferPointer) -> SecretEncoding {
        guard bytes.starts(with: "-----BEGIN ".utf8) else { return .plain }
        var previous: UInt8 = 0
        var hasNewline = false
        for byte in bytes {
            if previous == UInt8(ascii: "\\") && byte == UInt8(ascii: "n") { return .jsonEscaped }
            if byte == 0x0A { hasNewline = true }
            previous = byte
        }
        return hasNewline ? .plain : .singleLine
    }
}

extension SkipReason {
    init(_ kind: SkipKind) {
        switch kind {
        case .symlink: self = .symlink
        case .brokenSymlink: self = .brokenSymlink
        case .symlinkLoop: self = .symlinkLoop
        case .notRegularFile: self = .notRegularFile
        case .unreadable: self = .unreadable
        case .gitInternals: self = .gitInternals
        }
    }
}
