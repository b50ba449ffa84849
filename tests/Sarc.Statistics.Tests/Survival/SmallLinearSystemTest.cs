using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

public class SmallLinearSystemTest
{
    [Fact]
    public void Solve_NeedsARowSwap_GivesTheExactSolution()
    {
        // [[0, 2], [4, 1]] x = [4, 9]: the zero in the corner needs a pivot; x = (7/4, 2).
        var x = SmallLinearSystem.Solve(new double[,] { { 0, 2 }, { 4, 1 } }, [4, 9]);
        Assert.Equal([1.75, 2.0], x!);
    }

    [Fact]
    public void Solve_ExactlySingular_IsNull_AndATolerance_CatchesTheNearlySingular()
    {
        Assert.Null(SmallLinearSystem.Solve(new double[,] { { 1, 2 }, { 2, 4 } }, [1, 2]));
        var nearly = new double[,] { { 1, 2 }, { 2, 4 + 1e-9 } };
        Assert.NotNull(SmallLinearSystem.Solve(nearly, [1, 2]));
        Assert.Null(SmallLinearSystem.Solve(nearly, [1, 2], singularTolerance: 1e-7));
        Assert.True(double.IsNaN(SmallLinearSystem.QuadraticForm(nearly, [1, 2], 1e-7)));
    }

    [Fact]
    public void QuadraticForm_Diagonal_IsTheSumOfSquaresOverVariances()
    {
        // u' diag(2, 4)⁻¹ u with u = (2, 4): 4/2 + 16/4 = 6.
        Assert.Equal(6, SmallLinearSystem.QuadraticForm(new double[,] { { 2, 0 }, { 0, 4 } }, [2, 4]));
    }

    [Fact]
    public void Invert_TimesTheMatrix_IsTheIdentity()
    {
        var a = new double[,] { { 4, 1, 0 }, { 1, 3, 1 }, { 0, 1, 2 } };
        var inverse = SmallLinearSystem.Invert(a);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    sum += a[i, k] * inverse[k, j];
                }
                Assert.Equal(i == j ? 1 : 0, sum, 1e-14);
            }
        }
        Assert.True(double.IsNaN(SmallLinearSystem.Invert(new double[,] { { 1, 1 }, { 1, 1 } })[0, 0]));
    }
}
