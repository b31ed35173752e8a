import ShopServer
import Testing

@Suite struct ExecCommandTests {
    @Test func wordsSplitLikeAShellWithoutExpansion() throws {
        let command = try ExecCommand.parse(#"search 'coffee brand:"de buyer"' --json"#).get()
        #expect(command.arguments == ["search", #"coffee brand:"de buyer""#, "--json"])
        #expect(try ExecCommand.parse(#"support open C-1 "Where is \"it\"?""#).get().arguments == ["support", "open", "C-1", #"Where is "it"?"#])
        #expect(try ExecCommand.parse("cart   add\tSKU-1 2").get().arguments == ["cart", "add", "SKU-1", "2"])
        #expect(try ExecCommand.parse("search $HOME;ls").get().arguments == ["search", "$HOME;ls"])
    }

    @Test func onlyCustomerCommandsRun() {
        for allowed in ["search x", "product X", "cart", "orders", "order C-1", "track C-1", "messages", "support"] {
            #expect((try? ExecCommand.parse(allowed).get()) != nil, "\(allowed)")
        }
        #expect(ExecCommand.parse("import /etc/passwd") == .failure(.notAllowed("import")))
        #expect(ExecCommand.parse("serve") == .failure(.notAllowed("serve")))
        #expect(ExecCommand.parse("sh -c id") == .failure(.notAllowed("sh")))
        #expect(ExecCommand.parse("") == .failure(.empty))
        #expect(ExecCommand.parse("   ") == .failure(.empty))
    }

    @Test func theServerChoosesTheFolderAndTheIdentity() {
        #expect(ExecCommand.parse("cart --data /tmp") == .failure(.forbiddenOption("--data")))
        #expect(ExecCommand.parse("cart --session=x") == .failure(.forbiddenOption("--session=x")))
        #expect(ExecCommand.parse("orders --email a@b.c") == .failure(.forbiddenOption("--email")))
        #expect(ExecCommand.parse("search x --store postgres://") == .failure(.forbiddenOption("--store")))
    }

    @Test func malformedCommandsAreRefusedWithAReason() {
        #expect(ExecCommand.parse("search 'coffee") == .failure(.unbalancedQuote))
        #expect(ExecCommand.parse("search coffee\\") == .failure(.unbalancedQuote))
        #expect(ExecCommand.parse("search " + String(repeating: "a", count: 5_000)) == .failure(.tooLong))
        #expect(ExecRefusal.notAllowed("rm\u{1b}[2J").description.contains("rm?[2J"))
    }
}
