return Sarc.Cli.SarcApp.Run(args, Console.Out, Console.Error);
