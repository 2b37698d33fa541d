import Foundation

/// A JSON value with its object members in the order they were encoded, which is what
/// ``OrderedJSONEncoder`` builds and writes.
enum JSONValue {
  case null
  case bool(Bool)
  /// A number as it is written.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  var isContainer: Bool {
    switch self {
    case .array, .object: true
    default: false
    }
  }

  /// Appends the value's JSON to `output`, laid out as `layout` says.
  func write(to output: inout String, layout: OrderedJSONEncoder.Layout = [], depth: Int = 0) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let literal): output += literal
    case .string(let text): Self.writeString(text, to: &output)
    case .array(let items):
      let lines = layout.contains(.itemsOnLines) && depth == 1 && items.contains(where: \.isContainer)
      output += lines ? "[\n" : "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += lines ? ",\n" : "," }
        item.write(to: &output, layout: layout, depth: depth + 1)
      }
      output += lines ? "\n]" : "]"
    case .object(let members):
      output += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { output += layout.contains(.membersOnLines) && depth == 0 ? ",\n" : "," }
        Self.writeString(member.key, to: &output)
        output += ":"
        member.value.write(to: &output, layout: layout, depth: depth + 1)
      }
      output += "}"
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, and the
  /// two line separators JavaScript reads as line breaks; everything else as it is.
  static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
        output += "\\u"
        let hex = String(scalar.value, radix: 16)
        output += String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
