import CZlib

/// Decompresses raw deflate data (zip's method 8) with zlib, up to a size limit.
enum Inflater {
    /// Why an entry could not be decompressed.
    enum Failure: Error, Equatable {
        /// The output would pass `limit` bytes: too large to scan, or a decompression bomb.
        case tooLarge(limit: Int)
        /// zlib rejected the data.
        case corrupt(String)
    }

    /// The decompressed bytes of `input`, at most `limit` of them.
    static func inflate(_ input: ArraySlice<UInt8>, expectedSize: Int, limit: Int)
        throws(Failure) -> [UInt8]
    {
        var stream = z_stream()
        guard pasbyscan_inflate_init_raw(&stream) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: max(1, min(expectedSize, limit)))
        var produced = 0
        var input = Array(input)
        var status = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while status == Z_OK {
                if produced == output.count {
                    guard output.count < limit else { break }
                    output += [UInt8](repeating: 0, count: min(output.count, limit - output.count))
                }
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress! + produced
                    stream.avail_out = UInt32(target.count - produced)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced = target.count - Int(stream.avail_out)
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                if status == Z_BUF_ERROR { status = Z_OK }
            }
        }
        if status == Z_OK && produced >= limit { throw .tooLarge(limit: limit) }
        guard status == Z_STREAM_END else {
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corrupt(message)
        }
        return Array(output[..<produced])
    }
}
