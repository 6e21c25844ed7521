"""Subcommands of `bookroom-desk`, one module each, registered in cli.COMMANDS."""
