"""One module per `onrecord` subcommand; each has add_parser(subparsers) and sets func."""
