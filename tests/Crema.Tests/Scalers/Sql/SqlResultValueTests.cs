using System.Data.Common;
using System.Text;
using Crema.Scalers.Sql;
using Npgsql;

namespace Crema.Tests.Scalers.Sql;

/// <summary>The query value as KEDA's Go scanning reads it (strconv.ParseFloat for text), and the pool's lease counting.</summary>
public sealed class SqlResultValueTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+7", 7)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("1E-2", 0.01)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-infinity", double.NegativeInfinity)]
    [InlineData("NaN", double.NaN)]
    public void Parse_TextGoReadsAsANumber_IsThatNumber(string text, double expected)
    {
        SqlResultValue.Parse(text, "text", out var error).ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1,000")]
    [InlineData("")]
    [InlineData("five")]
    [InlineData("∞")]
    public void Parse_TextGoRejects_IsAnError(string text)
    {
        SqlResultValue.Parse(text, "text", out var error).ShouldBeNull();

        error.ShouldBe($"the query returned the text \"{text}\", which is not a number");
    }

    [Fact]
    public void ToNumber_EveryNumericType_AndBytesOfText()
    {
        object[] values = [(byte)1, (sbyte)1, (short)1, (ushort)1, 1, 1u, 1L, 1UL, 1f, 1d, 1m, Encoding.UTF8.GetBytes("1")];

        values.Select(v => SqlResultValue.ToNumber(v, "t", out _)).ShouldAllBe(v => v == 1);
    }

    [Fact]
    public void ToNumber_LongText_ShownCappedAndEscaped()
    {
        SqlResultValue.ToNumber("line\nbreak" + new string('x', 60), "text", out var error).ShouldBeNull();

        error.ShouldBe($"the query returned the text \"line break{new string('x', 30)}...\", which is not a number");
    }

    [Fact]
    public void ToNumber_NullAndOtherTypes_SayWhatCameBack()
    {
        SqlResultValue.ToNumber(DBNull.Value, "integer", out var nullError).ShouldBeNull();
        SqlResultValue.ToNumber(true, "boolean", out var boolError).ShouldBeNull();

        nullError.ShouldBe("the query returned NULL; return a number, for example with COALESCE(..., 0)");
        boolError.ShouldBe("the query returned a boolean (Boolean), not a number");
    }

    [Fact]
    public async Task Acquire_SameKey_OneSourceDisposedWithTheLastLease()
    {
        var pool = new SqlDataSourcePool();
        var built = new List<TrackingDataSource>();
        TrackingDataSource Build()
        {
            built.Add(new TrackingDataSource());
            return built[^1];
        }

        var first = pool.Acquire("a", Build);
        var second = pool.Acquire("a", Build);
        var other = pool.Acquire("b", Build);

        (built.Count, pool.Count).ShouldBe((2, 2));
        first.Source.ShouldBeSameAs(second.Source);
        await first.DisposeAsync();
        await first.DisposeAsync();
        pool.Count.ShouldBe(2);
        built[0].Disposed.ShouldBeFalse();
        await second.DisposeAsync();
        pool.Count.ShouldBe(1);
        built[0].Disposed.ShouldBeTrue();
        await other.DisposeAsync();
        (pool.Count, built[1].Disposed).ShouldBe((0, true));
    }

    /// <summary>A data source that only records whether it was disposed.</summary>
    private sealed class TrackingDataSource : DbDataSource
    {
        public bool Disposed { get; private set; }

        public override string ConnectionString => "Host=db.invalid";

        protected override DbConnection CreateDbConnection() => new NpgsqlConnection(ConnectionString);

        protected override ValueTask DisposeAsyncCore()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
