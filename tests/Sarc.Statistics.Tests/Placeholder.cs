namespace Sarc.Statistics.Tests;
