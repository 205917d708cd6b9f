import Glibc

/// Buffered reads from a pipe: delimited records and exact byte counts, as git's batch and
/// `-z` outputs need. Owned by one thread; it does not close the descriptor.
final class PipeReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var isAtEnd = false

    init(descriptor: Int32, capacity: Int = 1 << 16) {
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// The bytes up to `delimiter` (not included; it is consumed), or what is left before the
    /// end, or nil at the end.
    func read(until delimiter: UInt8) throws(SystemError) -> [UInt8]? {
        var record: [UInt8] = []
        while true {
            if start < end {
                let found = buffer.withUnsafeBytes { bytes -> Int? in
                    let base = bytes.baseAddress!
                    guard let hit = memchr(base + start, Int32(delimiter), end - start) else {
                        return nil
                    }
                    return UnsafeRawPointer(hit) - base
                }
                if let index = found {
                    record += buffer[start..<index]
                    start = index + 1
                    return record
                }
                record += buffer[start..<end]
                start = end
            }
            guard try fill() else { return record.isEmpty ? nil : record }
        }
    }

    /// Exactly `count` bytes. Throws `EPIPE` when the pipe ends first.
    func read(count: Int) throws(SystemError) -> [UInt8] {
        var failure: SystemError?
        // Filled straight from the buffer and the pipe, without zeroing it first.
        let result = [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            do throws(SystemError) {
                try fill(UnsafeMutableRawBufferPointer(target))
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return result
    }

    /// Fills all of `target` from the buffer, then from the pipe.
    private func fill(_ target: UnsafeMutableRawBufferPointer) throws(SystemError) {
        let count = target.count
        var filled = 0
        while filled < count {
            let available = min(count - filled, end - start)
            if available > 0 {
                buffer.withUnsafeBytes { source in
                    (target.baseAddress! + filled).copyMemory(
                        from: source.baseAddress! + start, byteCount: available)
                }
                start += available
                filled += available
            } else if count - filled >= buffer.count {
                // A large remainder goes straight into the target, not through the buffer.
                let got = Glibc.read(descriptor, target.baseAddress! + filled, count - filled)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { throw SystemError(code: errno) }
                if got == 0 { throw SystemError(code: EPIPE) }
                filled += got
            } else if try !fill() {
                throw SystemError(code: EPIPE)
            }
        }
    }

    /// Everything left until the pipe ends.
    func readToEnd() throws(SystemError) -> [UInt8] {
        var result = Array(buffer[start..<end])
        start = end
        while try fill() {
            result += buffer[start..<end]
            start = end
        }
        return result
    }

    /// Reads more into the buffer; false at the end of the pipe.
    private func fill() throws(SystemError) -> Bool {
        guard !isAtEnd else { return false }
        start = 0
        end = 0
        while true {
            let got = buffer.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress!, $0.count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw SystemError(code: errno)
            }
            if got == 0 {
                isAtEnd = true
                return false
            }
            end = got
            return true
        }
    }
}
