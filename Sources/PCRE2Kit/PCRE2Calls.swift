import CPCRE2

/// Every raw libpcre2-8 call the package makes, in one place.
///
/// Nothing outside this file calls into `CPCRE2`; the owning types (`CompiledPattern`,
/// `Matcher`) hold the returned handles and free them in `deinit`.
enum PCRE2Calls {
    static let noMatch = PCRE2_ERROR_NOMATCH
    static let matchLimit = PCRE2_ERROR_MATCHLIMIT
    static let depthLimit = PCRE2_ERROR_DEPTHLIMIT
    static let heapLimit = PCRE2_ERROR_HEAPLIMIT
    static let jitStackLimit = PCRE2_ERROR_JIT_STACKLIMIT

    /// `pcre2_compile` with UTF checking off: subjects are raw bytes that may be any encoding.
    static func compile(
        _ pattern: String,
        options: UInt32
    ) -> Result<OpaquePointer, PCRE2Error> {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let utf8 = Array(pattern.utf8)
        let code = utf8.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(
                buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let code else {
            return .failure(
                PCRE2Error(code: errorCode, message: message(for: errorCode), offset: errorOffset))
        }
        return .success(code)
    }

    /// `pcre2_jit_compile` for complete matches; a failure leaves the interpreter in use.
    static func jitCompile(_ code: OpaquePointer) -> Bool {
        pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    static func free(code: OpaquePointer) {
        pcre2_code_free_8(code)
    }

    static func captureCount(_ code: OpaquePointer) -> Int {
        var count: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        return Int(count)
    }

    /// The group number of a named capture, or nil when the pattern has no such name.
    static func groupNumber(_ code: OpaquePointer, name: String) -> Int? {
        let number = name.withCString { cName in
            cName.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                pcre2_substring_number_from_name_8(code, $0)
            }
        }
        return number > 0 ? Int(number) : nil
    }

    static func makeMatchData(pairs: Int) -> OpaquePointer {
        guard let data = pcre2_match_data_create_8(UInt32(pairs), nil) else {
            fatalError("pcre2_match_data_create failed: out of memory")
        }
        return data
    }

    static func free(matchData: OpaquePointer) {
        pcre2_match_data_free_8(matchData)
    }

    static func makeMatchContext(matchLimit: UInt32, depthLimit: UInt32) -> OpaquePointer {
        guard let context = pcre2_match_context_create_8(nil) else {
            fatalError("pcre2_match_context_create failed: out of memory")
        }
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        return context
    }

    static func free(matchContext: OpaquePointer) {
        pcre2_match_context_free_8(matchContext)
    }

    static func makeJITStack(bytes: Int) -> OpaquePointer? {
        pcre2_jit_stack_create_8(32 * 1024, bytes, nil)
    }

    static func assign(jitStack: OpaquePointer, to context: OpaquePointer) {
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
    }

    static func free(jitStack: OpaquePointer) {
        pcre2_jit_stack_free_8(jitStack)
    }

    static let anchoredOption = UInt32(PCRE2_ANCHORED)
    static let noUTFCheckOption = UInt32(PCRE2_NO_UTF_CHECK)

    /// `pcre2_match`; returns the library's result code unchanged.
    static func match(
        _ code: OpaquePointer,
        subject: UnsafeBufferPointer<UInt8>,
        startOffset: Int,
        options: UInt32,
        matchData: OpaquePointer,
        context: OpaquePointer
    ) -> Int32 {
        if let base = subject.baseAddress {
            return pcre2_match_8(
                code, base, subject.count, startOffset, options, matchData, context)
        }
        var empty: UInt8 = 0
        return pcre2_match_8(code, &empty, 0, startOffset, options, matchData, context)
    }

    /// The ovector of a match data block, as (start, end) byte offsets per group.
    static func ovectorPair(_ matchData: OpaquePointer, group: Int) -> (Int, Int) {
        let vector = pcre2_get_ovector_pointer_8(matchData)!
        return (vector[2 * group], vector[2 * group + 1])
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        guard length > 0 else { return "pcre2 error \(errorCode)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    /// `PCRE2_UNSET` (`~(PCRE2_SIZE)0`), which Swift cannot import as a macro.
    static let unset = Int(bitPattern: UInt.max)
}
