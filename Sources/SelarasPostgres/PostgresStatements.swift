import PostgresNIO

/// The statements a search runs, prepared once per connection: planning each anew took as
/// long as running it, a dozen times a lookup.
protocol PreparedQuery: PostgresPreparedStatement where Row == PostgresRow {}

extension PreparedQuery {
  func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

enum PostgresStatements {
  struct MemoryState: PreparedQuery {
    static let sql = "SELECT last_id, version FROM memory_state"
    func makeBindings() throws -> PostgresBindings { PostgresBindings() }
  }

  /// What a search reads first, in one round trip: the memory's state (the row whose side
  /// is null: last id, version) and, on both sides, each key's count and form, with the ids
  /// of lists up to `shortList` long.
  struct SearchStart: PreparedQuery {
    static let sql = """
      SELECT NULL::smallint, last_id, version, NULL::boolean, NULL::bytea FROM memory_state
      UNION ALL
      SELECT side, key, count::bigint, dense, CASE WHEN NOT dense AND count <= $2 THEN ids END
      FROM posting WHERE side IN (0, 1) AND key = ANY($1)
      """
    var keys: [Int64]
    var shortList: Int32

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 2)
      bindings.append(keys)
      bindings.append(shortList)
      return bindings
    }
  }

  /// The postings of `keys` on `side`.
  struct Postings: PreparedQuery {
    static let sql = "SELECT key, dense, ids FROM posting WHERE side = $1 AND key = ANY($2)"
    var side: Int16
    var keys: [Int64]

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 2)
      bindings.append(side)
      bindings.append(keys)
      return bindings
    }
  }

  /// The units of `ids` with each side's text where that side is in `language` (null
  /// otherwise): the texts a search scores, whichever side it asked for.
  struct SideTexts: PreparedQuery {
    static let sql = """
      SELECT id, CASE WHEN source_lang = $2 THEN source_text END, CASE WHEN target_lang = $2 THEN target_text END
      FROM unit WHERE id = ANY($1)
      """
    var ids: [Int64]
    var language: String

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 2)
      bindings.append(ids)
      bindings.append(language)
      return bindings
    }
  }

  /// The units of `ids`, in id order (``PostgresUnitRows/columns``), each with its properties'
  /// types and values in the order stored (null for none): a search's matches in one round trip.
  struct Units: PreparedQuery {
    static let sql = """
      SELECT \(PostgresUnitRows.columns), held.property_types, held.property_values FROM unit
      LEFT JOIN LATERAL (
        SELECT array_agg(type ORDER BY position) AS property_types, array_agg(value ORDER BY position) AS property_values
        FROM unit_property WHERE unit_id = unit.id) held ON true
      WHERE id = ANY($1) ORDER BY id
      """
    var ids: [Int64]

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 1)
      bindings.append(ids)
      return bindings
    }
  }

  /// The properties of the units of `ids`, in the order stored.
  struct Properties: PreparedQuery {
    static let sql =
      "SELECT unit_id, type, value FROM unit_property WHERE unit_id = ANY($1) ORDER BY unit_id, position"
    var ids: [Int64]

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 1)
      bindings.append(ids)
      return bindings
    }
  }
}
