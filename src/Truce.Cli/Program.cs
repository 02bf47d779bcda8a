namespace Truce.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => TruceCli.RunAsync(args, Console.Out, Console.Error);
}
