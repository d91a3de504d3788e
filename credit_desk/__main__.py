from credit_desk.cli import main

raise SystemExit(main())
