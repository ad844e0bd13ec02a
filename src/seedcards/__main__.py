from seedcards.cli import main

main()
