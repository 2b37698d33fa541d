import Foundation
import SelarasServer
import SelarasTestSupport
import Testing

@Suite("Access tokens")
struct AccessTokensTests {
  @Test("A created token is printed once: the file keeps its name, role and hash, owner-readable only")
  func roundTrip() throws {
    let file = TemporaryFile.url("tokens")
    defer { try? FileManager.default.removeItem(at: file) }
    var tokens = try AccessTokens(contentsOf: file)
    #expect(tokens.holders.isEmpty)
    let token = try tokens.create(name: "dewi", role: .write)
    #expect(token.count == 64)
    try tokens.write(to: file)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(!text.contains(token))
    #expect(text.contains("dewi\twrite\tsha256:"))
    #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
    let read = try AccessTokens(contentsOf: file)
    #expect(read.holder(of: token)?.name == "dewi" && read.holder(of: token)?.role == .write)
    #expect(read.holder(of: String(token.dropLast())) == nil)
    #expect(throws: AccessTokensError.self) { _ = try tokens.create(name: "dewi", role: .read) }
    #expect(AccessRole.read < .write && AccessRole.write < .admin)
  }

  @Test("A malformed line is an error naming the file and line")
  func malformed() throws {
    let file = TemporaryFile.url("tokens")
    defer { try? FileManager.default.removeItem(at: file) }
    try "# comment\ndewi\tsuperuser\tsha256:00\n".write(to: file, atomically: true, encoding: .utf8)
    #expect {
      _ = try AccessTokens(contentsOf: file)
    } throws: { error in
      (error as? AccessTokensError)?.description.hasSuffix("\(file.path):2: expected NAME<TAB>read|write|admin<TAB>sha256:HEX") == true
    }
  }
}
