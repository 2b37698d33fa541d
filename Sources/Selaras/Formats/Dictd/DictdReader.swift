import CZlib
import Foundation

/// Why a dictd dictionary could not be read.
public enum DictdError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String)
  case badIndexLine(path: String, line: Int)
  case badCompression(path: String)

  public var description: String {
    switch self {
    case .unreadable(let path): return "\(path): cannot read the file"
    case .badIndexLine(let path, let line): return "\(path):\(line): not a dictd index line"
    case .badCompression(let path): return "\(path): not a gzip/dictzip file"
    }
  }
}

/// Reads dictionaries in the dictd format (`NAME.index` + `NAME.dict` or `NAME.dict.dz`),
/// the format FreeDict ships in Debian (`dict-freedict-eng-ind`).
public enum DictdReader {
  /// An entry: the headword and the translations on the line after it.
  public struct Entry: Hashable, Sendable {
    public var headword: String
    public var translations: [String]
  }

  /// The entries of a dictionary.
  ///
  /// FreeDict's body of an entry is the headword line (`umra /ˈʌmɹə/ <n>`), a line of
  /// comma-separated translations (with a sense number such as ` 2.` after the last),
  /// then glosses; only the first translation line is read.
  public static func entries(index: URL, data: URL) throws -> [Entry] {
    guard let indexText = try? String(contentsOf: index, encoding: .utf8) else {
      throw DictdError.unreadable(path: index.path)
    }
    guard let raw = try? Data(contentsOf: data) else {
      throw DictdError.unreadable(path: data.path)
    }
    let body = data.pathExtension == "dz" ? try gunzip(raw, path: data.path) : raw
    var entries: [Entry] = []
    for (number, line) in indexText.split(separator: "\n").enumerated() {
      let fields = line.split(separator: "\t")
      guard fields.count >= 3, let offset = decode(fields[1]), let length = decode(fields[2]) else {
        throw DictdError.badIndexLine(path: index.path, line: number + 1)
      }
      let headword = String(fields[0])
      guard !headword.hasPrefix("00database"), offset + length <= body.count else { continue }
      let text = String(decoding: body[offset..<(offset + length)], as: UTF8.self)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
      guard lines.count >= 2 else { continue }
      var translationLine = String(lines[1])
      if let range = translationLine.range(of: #"\s+\d+\.$"#, options: .regularExpression) {
        translationLine.removeSubrange(range)
      }
      // A numbered first sense: `1. ulang tahun`.
      if let range = translationLine.range(of: #"^\d+\.\s+"#, options: .regularExpression) {
        translationLine.removeSubrange(range)
      }
      let translations = translationLine.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      entries.append(Entry(headword: headword, translations: translations))
    }
    return entries
  }

  /// Decodes dictd's base-64 numbers (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`, most significant first).
  static func decode(_ text: Substring) -> Int? {
    var value = 0
    for scalar in text.unicodeScalars {
      let digit: Int
      switch scalar {
      case "A"..."Z": digit = Int(scalar.value - 65)
      case "a"..."z": digit = Int(scalar.value - 97) + 26
      case "0"..."9": digit = Int(scalar.value - 48) + 52
      case "+": digit = 62
      case "/": digit = 63
      default: return nil
      }
      value = value * 64 + digit
    }
    return value
  }

  /// Inflates gzip data (dictzip files are gzip files with a random-access index).
  static func gunzip(_ data: Data, path: String) throws -> Data {
    var stream = z_stream()
    guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw DictdError.badCompression(path: path)
    }
    defer { inflateEnd(&stream) }
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var status: Int32 = Z_OK
    try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
      stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
      stream.avail_in = uInt(input.count)
      repeat {
        try chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          status = inflate(&stream, Z_NO_FLUSH)
          guard status == Z_OK || status == Z_STREAM_END else {
            throw DictdError.badCompression(path: path)
          }
          output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
        }
      } while status != Z_STREAM_END && stream.avail_in > 0
    }
    guard status == Z_STREAM_END else { throw DictdError.badCompression(path: path) }
    return output
  }
}

extension Lexicon {
  /// A lexicon from an English→Indonesian dictd dictionary, read in the Indonesian→English
  /// direction. Headwords of more than two words are left out, and translations of more
  /// than three (`pesta ulang tahun` for `birthday party` stays).
  public init(englishIndonesianDictd index: URL, data: URL) throws {
    self.init()
    for entry in try DictdReader.entries(index: index, data: data) {
      let headword = entry.headword.lowercased()
      guard headword.split(separator: " ").count <= 2 else { continue }
      for translation in entry.translations where translation.split(separator: " ").count <= 3 {
        add(indonesian: translation, english: headword)
      }
    }
  }
}
