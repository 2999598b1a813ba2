from kinerja.cli.perintah import main

raise SystemExit(main())
