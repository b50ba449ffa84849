namespace Sarc.Data.Tests;
