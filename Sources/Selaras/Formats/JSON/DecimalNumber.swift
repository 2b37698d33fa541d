import Foundation

/// A number written with a fixed count of decimals (`0.930`), as Selaras prints scores:
/// ``OrderedJSONEncoder`` writes it so; other encoders see a plain `Double`.
public struct DecimalNumber: Hashable, Sendable, Codable {
  public var value: Double
  public var decimals: Int

  public init(_ value: Double, decimals: Int = 3) {
    self.value = value
    self.decimals = decimals
  }

  /// The number as written: `decimals` digits after the point.
  public var literal: String { String(format: "%.\(decimals)f", value) }

  public init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(Double.self)
    decimals = 3
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}
