internal import CICU

/// Bytes in any charset ICU knows, as UTF-8.
enum CharsetConversion {
  /// `bytes` in the charset named `charset` (any name or alias ICU knows) as UTF-8, bytes
  /// the charset does not define as U+FFFD; nil for a charset ICU does not know.
  static func utf8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
    guard !bytes.isEmpty else { return [] }
    var status: Int32 = 0
    var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
    var length = cicu_convert_to_utf8(charset, bytes, Int32(bytes.count), &out, Int32(out.count), &status)
    if status <= 0 && Int(length) > out.count {
      out = [UInt8](repeating: 0, count: Int(length))
      length = cicu_convert_to_utf8(charset, bytes, Int32(bytes.count), &out, Int32(out.count), &status)
    }
    guard status <= 0 else { return nil }
    out.removeSubrange(Int(length)...)
    return out
  }
}
