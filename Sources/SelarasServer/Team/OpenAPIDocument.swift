import Foundation

/// The team server's contract as an OpenAPI 3.1 document (`Resources/openapi.json`), served at
/// `GET /openapi.json` and kept true by a test that compares its paths with the router's.
public enum OpenAPIDocument {
  /// The document's bytes, read once; nil when the resource is missing from the build.
  public static let data: Data? = Bundle.module.url(
    forResource: "openapi", withExtension: "json", subdirectory: "Resources"
  ).flatMap { try? Data(contentsOf: $0) }
}
