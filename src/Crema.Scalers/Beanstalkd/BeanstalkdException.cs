namespace Crema.Scalers.Beanstalkd;

/// <summary>A beanstalkd read that gave no counts. The message names the server; server text in it is escaped.</summary>
internal sealed class BeanstalkdException : Exception
{
    public BeanstalkdException(string message) : base(message)
    {
    }

    public BeanstalkdException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
