/// An optional value that JSON shows as `null` when absent, where a synthesized `Codable`
/// conformance would leave the key out: for contracts that always name the field.
public struct Nullable<Wrapped: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
  public var value: Wrapped?

  public init(_ value: Wrapped?) {
    self.value = value
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    value = container.decodeNil() ? nil : try container.decode(Wrapped.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}
