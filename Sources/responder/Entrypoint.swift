import ResponderCommands

@main
struct Entrypoint {
    static func main() async {
        await ResponderCommand.main()
    }
}
