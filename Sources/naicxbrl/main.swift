NAICXBRLCommand.main()
