import Foundation

/// Encodes `Encodable` models as JSON with their keys in the order the model encodes them
/// (a synthesized `Codable` conformance: declaration order), so that Selaras's JSON output
/// is stable from run to run and reads as the contract documents it: Foundation's
/// `JSONEncoder` either orders keys at random or sorts them. Optionals that are nil are
/// left out, as synthesized conformances do; ``DecimalNumber`` keeps its decimals.
public struct OrderedJSONEncoder: Sendable {
  /// Where line breaks go; by default none, all on one line.
  public struct Layout: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The objects or arrays in the top-level object's arrays, one a line: a list of
    /// sentences or matches reads a line an item.
    public static let itemsOnLines = Layout(rawValue: 1)
    /// The top-level object's members, one a line.
    public static let membersOnLines = Layout(rawValue: 2)
  }

  public var layout: Layout

  public init(layout: Layout = []) {
    self.layout = layout
  }

  /// The JSON of `value`, without a final line break.
  public func encode(_ value: some Encodable) throws -> String {
    let root = Node()
    try value.encode(to: TreeEncoder(node: root, codingPath: []))
    var output = ""
    root.value.write(to: &output, layout: layout)
    return output
  }
}

/// A value being built: what a container writes into, filled in as encoding goes.
private final class Node {
  enum Content {
    case empty
    case value(JSONValue)
    case array([Node])
    case object([(String, Node)])
  }

  var content = Content.empty

  var value: JSONValue {
    switch content {
    case .empty: .null
    case .value(let value): value
    case .array(let items): .array(items.map(\.value))
    case .object(let members): .object(members.map { ($0.0, $0.1.value) })
    }
  }

  func append() -> Node {
    let node = Node()
    if case .array(var items) = content {
      content = .empty
      items.append(node)
      content = .array(items)
    } else {
      content = .array([node])
    }
    return node
  }

  func member(_ key: String) -> Node {
    let node = Node()
    if case .object(var members) = content {
      content = .empty
      if let index = members.firstIndex(where: { $0.0 == key }) {
        members[index].1 = node
      } else {
        members.append((key, node))
      }
      content = .object(members)
    } else {
      content = .object([(key, node)])
    }
    return node
  }

  var count: Int {
    if case .array(let items) = content { return items.count }
    return 0
  }
}

private struct TreeEncoder: Encoder {
  let node: Node
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = node.content {} else { node.content = .object([]) }
    return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = node.content {} else { node.content = .array([]) }
    return UnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleValueContainer(node: node, codingPath: codingPath)
  }
}

/// What every container does with one value, into `node`.
private func encodeValue(_ value: some Encodable, into node: Node, codingPath: [any CodingKey]) throws {
  switch value {
  case let number as DecimalNumber: node.content = .value(.number(number.literal))
  case let text as String: node.content = .value(.string(text))
  case let flag as Bool: node.content = .value(.bool(flag))
  case let number as Double:
    node.content = .value(number.isFinite ? .number(number.description) : .null)
  case let number as Float:
    node.content = .value(number.isFinite ? .number(number.description) : .null)
  case let number as any BinaryInteger: node.content = .value(.number("\(number)"))
  default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: Node
  var codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    node.member(key.stringValue).content = .value(.null)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try encodeValue(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    TreeEncoder(node: node.member("super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
  }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let node: Node
  var codingPath: [any CodingKey]
  var count: Int { node.count }

  mutating func encodeNil() throws {
    node.append().content = .value(.null)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try encodeValue(value, into: node.append(), codingPath: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    TreeEncoder(node: node.append(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    TreeEncoder(node: node.append(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    TreeEncoder(node: node.append(), codingPath: codingPath)
  }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
  let node: Node
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws {
    node.content = .value(.null)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try encodeValue(value, into: node, codingPath: codingPath)
  }
}
