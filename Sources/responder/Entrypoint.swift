import ResponderCommands

@main
struct Entrypoint {
    static func main() {
        ResponderCommand.main()
    }
}
