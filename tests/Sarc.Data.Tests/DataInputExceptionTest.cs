namespace Sarc.Data.Tests;

public class DataInputExceptionTest
{
    [Fact]
    public void Message_WithALineBreakFromTheData_StaysOneLine()
    {
        // A quoted CSV cell may hold a line break; quoting it in an error must not split the error over two lines.
        var error = new DataInputException("f.csv: line 3: column 'x' must be numeric, found 'line\r\nbreak\tand\u0001'");
        Assert.Equal(@"f.csv: line 3: column 'x' must be numeric, found 'line\r\nbreak\tand\u0001'", error.Message);
    }

    [Fact]
    public void Message_WithoutControlCharacters_IsKeptAsWritten()
    {
        Assert.Equal("f.csv: é ≥ 5", new DataInputException("f.csv: é ≥ 5").Message);
    }
}
