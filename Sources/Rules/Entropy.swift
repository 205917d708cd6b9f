import Foundation

/// Shannon entropy of a token, the randomness test that separates a credential from a word.
public enum Entropy {
    /// Bits of information per byte of `bytes` (0 for an empty token, at most 8).
    public static func bitsPerByte(_ bytes: Span<UInt8>) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for index in bytes.indices { counts[Int(bytes[index])] += 1 }
        let total = Double(bytes.count)
        var bits = 0.0
        for count in counts where count > 0 {
            let probability = Double(count) / total
            bits -= probability * log2(probability)
        }
        return bits
    }
}
