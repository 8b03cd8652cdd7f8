from posdesk.cli import main

raise SystemExit(main())
