using Crema.Core.Simulation;

namespace Crema.Tests.Simulation;

public sealed class TraceReaderTests
{
    [Fact]
    public void Read_ValidTrace_RowsSortedWithErrorsAsNull()
    {
        var (rows, errors) = TraceReader.Read("time_s,object,trigger,value\n30,a,q,5\n0,a,0,1.5\n# comment\n\n45,a,q,error\n", "t.csv");

        errors.ShouldBeEmpty();
        rows.Select(r => (r.TimeSeconds, r.Object, r.Trigger, r.Value)).ShouldBe([(0d, "a", "0", (double?)1.5), (30d, "a", "q", 5d), (45d, "a", "q", null)]);
    }

    [Fact]
    public void Read_BadLines_ReportsEveryLine()
    {
        var (_, errors) = TraceReader.Read("time_s,object,trigger,value\n-1,a,q,5\nx,a,q,5\n1,a,q\n2,a,q,lots\n", "t.csv");

        errors.ShouldBe(
        [
            "t.csv:2: time_s \"-1\" is not a non-negative number",
            "t.csv:3: time_s \"x\" is not a non-negative number",
            "t.csv:4: expected 4 fields (time_s,object,trigger,value), found 3",
            "t.csv:5: value \"lots\" is not a number or \"error\"",
        ]);
    }

    [Fact]
    public void Read_WrongHeader_ReportsHeader()
    {
        var (_, errors) = TraceReader.Read("t,o,tr,v\n", "t.csv");

        errors.ShouldBe(["t.csv:1: the header must be \"time_s,object,trigger,value\""]);
    }
}
