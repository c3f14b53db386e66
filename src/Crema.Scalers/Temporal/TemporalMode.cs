namespace Crema.Scalers.Temporal;

/// <summary>Which backlog a <c>temporal</c> trigger reads (KEDA's scalerMode).</summary>
internal enum TemporalMode
{
    /// <summary>DescribeTaskQueue once per queue type; the unversioned queue's stats.</summary>
    Unversioned,

    /// <summary>DescribeTaskQueue in ENHANCED mode with a Build ID selection (buildId, selectAllActive, selectUnversioned).</summary>
    BuildId,

    /// <summary>DescribeWorkerDeploymentVersion (workerDeploymentName and workerDeploymentBuildId).</summary>
    DeploymentVersion,
}
