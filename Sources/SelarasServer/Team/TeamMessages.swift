import Selaras

/// The JSON bodies of the team server's API.
struct LookupRequest: Decodable {
  var sourceLang: String
  var targetLang: String
  var minScore: Int?
  var limit: Int?
  var segments: [LookupSegment]
}

struct LookupResult: Encodable {
  var matches: [LookupMatch]
}

struct LookupResponse: Encodable {
  var results: [LookupResult]
}

struct ConcordanceResponse: Encodable {
  struct Unit: Encodable {
    var source: String
    var target: String
    var document: String?
  }

  var units: [Unit]
}

struct UnitsRequest: Decodable {
  struct Unit: Decodable {
    var sourceLang: String
    var targetLang: String
    var source: String
    var target: String
    var document: String?
  }

  var units: [Unit]
}

struct UnitsResponse: Encodable {
  var added: Int
  var duplicates: Int
}

/// amaGama's answers, as Weblate's and Virtaal's clients read them.
struct AmaGamaUnit: Encodable {
  var source: String
  var target: String
  var quality: Double
  var rank: Int
}

struct AmaGamaLanguages: Encodable {
  var sourceLanguages: [String]
  var targetLanguages: [String]
}
